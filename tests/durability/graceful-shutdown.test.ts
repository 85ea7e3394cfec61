// SIGTERM (a deployment, `systemctl stop`): the server stops accepting connections, finishes the
// request it is answering — its write is stored and answered — then closes the database and exits.
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PASSWORD, testDb } from "../helpers/factories.ts";
import { HttpClient, startServerProcess, type ServerProcess } from "../helpers/server-process.ts";
import { attendanceFixture } from "./attendance-fixture.ts";

let server: ServerProcess | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL");
});

describe("graceful shutdown", () => {
  it("SIGTERM — a write in flight — refuses new connections, answers and stores the write, exits 0", async () => {
    const {
      accounts: [account],
    } = await attendanceFixture(1, 1);
    const update = account!.updates[0]!;
    server = await startServerProcess();
    const client = await new HttpClient(server.base).signIn(account!.email, PASSWORD);

    // A request whose body is still coming when SIGTERM arrives: "100 Continue" says the server
    // is handling it; the body follows after the signal.
    const body = new URLSearchParams({ ...update.form, _csrf: client.csrf }).toString();
    const socket = connect(server.port, "127.0.0.1");
    await once(socket, "connect");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.write(
      [
        `POST /lessons/${update.lessonId}/attendance HTTP/1.1`,
        `host: 127.0.0.1:${server.port}`,
        `cookie: ${client.cookie}`,
        "content-type: application/x-www-form-urlencoded",
        `content-length: ${body.length}`,
        "expect: 100-continue",
        "",
        "",
      ].join("\r\n"),
    );
    await until(() => answer.startsWith("HTTP/1.1 100 Continue"));

    // Twice, as systemd's stop does in cluster mode (to every process, then the primary passes it on).
    server.child.kill("SIGTERM");
    server.child.kill("SIGTERM");
    await until(async () => {
      try {
        await fetch(`${server!.base}/livez`, { headers: { connection: "close" } });
        return false;
      } catch (error) {
        return (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
      }
    });
    expect(server.child.exitCode).toBeNull();

    socket.write(body);
    await until(() => answer.includes("HTTP/1.1 303"));
    const started = Date.now();
    expect(await server.exited).toBe(0);
    // Prompt: not the grace delay, which is for requests that do not end.
    expect(Date.now() - started).toBeLessThan(3000);
    socket.destroy();
    expect(await testDb.lesson.findUniqueOrThrow({ where: { id: update.lessonId } })).toMatchObject({ attendance: update.attendance });
  }, 60_000);
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
