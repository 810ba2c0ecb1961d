#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, resolved from this package so it works from any directory.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));
const args = ['--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
