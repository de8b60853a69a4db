import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/address";
import * as serverSide from "@/server/client-address";

const { parseTrustProxy, settleClientAddress } = serverSide;

// The server's side (server/client-address.ts, as server/handler.ts calls it) on a real socket,
// and the app's side (lib/auth/address.ts) reading what it left: the headers the app would get.
describe("the client address, from the socket unless a proxy is trusted", () => {
  let server: http.Server | null = null;
  afterEach(() => server?.close());

  /** What the app sees of a request sent from loopback with `headers`, behind `hops` trusted proxies. */
  async function seenByApp(hops: number, headers: Record<string, string>) {
    server = http.createServer((req, res) => {
      settleClientAddress(req, hops);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(req.headers));
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    server.close();
    server = null;
    const seen = JSON.parse(body) as Record<string, string>;
    return { headers: seen, address: clientAddress({ headers: new Headers(seen) }) };
  }

  const spoofed = {
    "x-forwarded-for": "203.0.113.66",
    "x-real-ip": "203.0.113.67",
    forwarded: "for=203.0.113.68",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    [CLIENT_ADDRESS_HEADER]: "203.0.113.69",
  };

  it("by default the socket decides: forwarding headers and a sent copy of the internal header are gone", async () => {
    const { headers, address } = await seenByApp(0, spoofed);
    expect(address).toBe("127.0.0.1");
    for (const name of ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto"]) expect(headers[name]).toBeUndefined();
    // Each spoofed value, differently: the same address every time.
    for (const n of [1, 2, 3]) {
      const again = await seenByApp(0, { "x-forwarded-for": `198.51.100.${n}`, [CLIENT_ADDRESS_HEADER]: `198.51.100.${n}` });
      expect(again.address).toBe("127.0.0.1");
    }
  });

  it("behind one trusted proxy, the address that proxy saw: the last X-Forwarded-For hop, not what the client wrote before it", async () => {
    const { headers, address } = await seenByApp(1, { ...spoofed, "x-forwarded-for": "203.0.113.66, 198.51.100.7", "x-forwarded-host": "evil.example, marquee.example" });
    expect(address).toBe("198.51.100.7");
    expect(headers["x-forwarded-for"]).toBe("198.51.100.7");
    expect(headers["x-forwarded-host"]).toBe("marquee.example");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-real-ip"]).toBeUndefined();
    // With no X-Forwarded-For at all, the socket again.
    expect((await seenByApp(1, {})).address).toBe("127.0.0.1");
  });

  it("behind two trusted proxies, one hop further in", async () => {
    expect((await seenByApp(2, { "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.2" })).address).toBe("198.51.100.7");
  });

  it("the app reads only the server's header, and without the server every request is local", () => {
    expect(clientAddress({ headers: new Headers({ "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2" }) })).toBe("local");
    expect(clientAddress({ headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8::1" }) })).toBe("2001:db8::1");
    expect(clientAddress({ headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "x".repeat(200) }) })).toBe("local");
    expect(serverSide.CLIENT_ADDRESS_HEADER).toBe(CLIENT_ADDRESS_HEADER);
  });

  it("TRUST_PROXY is off by default, else a small number of hops; anything else stops the server", () => {
    expect([undefined, "", "off", "false", "0", "2"].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 0, 2]);
    for (const bad of ["on", "true", "-1", "11", "1.5", "loopback"]) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/);
  });
});
