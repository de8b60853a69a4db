// Whether this process has finished starting (instrumentation and route handlers share globalThis).
const g = globalThis as unknown as { __marqueeBooted?: boolean };

export const markBooted = () => {
  g.__marqueeBooted = true;
};
export const isBooted = () => g.__marqueeBooted ?? false;
