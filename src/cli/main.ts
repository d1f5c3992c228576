#!/usr/bin/env node
/**
 * The `refund-core` executable: runs {@link runCli} on the process's
 * arguments, files and streams, and sets the exit status.
 *
 * @module
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { isAuditWorkerData, runAuditWorker } from "./auditJobs.js";
import { EXIT } from "./exitCode.js";
import { nodeIo } from "./nodeIo.js";
import { runCli } from "./run.js";

if (!isMainThread && parentPort !== null && isAuditWorkerData(workerData)) {
  // A worker thread of `audit --jobs N` (this same file, started by auditJobs.ts).
  runAuditWorker(workerData, parentPort);
} else {
  // A closed pipe (`refund-core … | head`) must not print a stack trace.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});

  runCli(process.argv.slice(2), nodeIo(process)).then(
    (status) => {
      process.exitCode = status;
    },
    () => {
      process.exitCode = EXIT.internal;
    },
  );
}
