#!/usr/bin/env node
// Command-line entry point: runs the compiled CLI from dist/ (build with `npm run build`).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
