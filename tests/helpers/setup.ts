import { setTestEnv } from "./env";

setTestEnv();
