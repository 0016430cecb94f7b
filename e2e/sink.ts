// A loopback sink for escape tests: an HTTP server and a UDP socket (a TURN server's port) on
// ports of their own, counting everything that reaches them. Zero is the only right answer.
import { createSocket, type Socket } from "node:dgram";
import { createServer, type Server } from "node:http";

export interface Sink {
  readonly httpUrl: string;
  readonly turnUrl: string;
  /** Request lines (method and path) and UDP packets seen so far. */
  hits(): string[];
  close(): Promise<void>;
}

/** Port 0: any free port (the URLs say which). */
export async function openSink(httpPort: number, udpPort: number): Promise<Sink> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "Content-Type": "text/html", "Access-Control-Allow-Origin": "*" });
    res.end("<p>escaped</p>");
  });
  await new Promise<void>((resolve) => server.listen(httpPort, "127.0.0.1", resolve));
  const udp: Socket = createSocket("udp4");
  udp.on("message", (packet) => hits.push(`UDP ${packet.length} bytes`));
  await new Promise<void>((resolve) => udp.bind(udpPort, "127.0.0.1", resolve));
  const http = server.address();
  return {
    httpUrl: `http://127.0.0.1:${typeof http === "object" && http ? http.port : httpPort}`,
    turnUrl: `turn:127.0.0.1:${udp.address().port}?transport=udp`,
    hits: () => [...hits],
    close: async () => {
      // Not waiting on idle sockets: Chromium may open a connection and send nothing on it.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
