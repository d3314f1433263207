// `nvidia-smi` stand-in: parses the options the product and common tools use, prints the
// XML/CSV/table of a 16 GB card that follows Ollama, loops with -l/-lms until killed, and
// imitates a machine without a driver (exit 9) or without a GPU (exit 6) on request.
import { buildSnapshot, readOllamaActivity, type SmiSnapshot } from './gpu.js';
import { InvalidFieldError, checkAppFields, checkGpuFields, parseFormat, queryApps, queryGpu, type CsvFormat } from './query.js';
import { listGpus, queryText, summaryTable } from './table.js';
import { renderXml } from './xml.js';

const NO_DRIVER_MESSAGE = "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
  + 'Make sure that the latest NVIDIA driver is installed and running.';
const INVALID_ARGS = "Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.";

interface Args {
  view: 'table' | 'list' | 'query' | 'xml' | 'gpu' | 'apps' | 'version' | 'help';
  fields: string;
  format: CsvFormat | undefined;
  loopMs: number;
  id: string | undefined;
}

function fail(message: string, code: number): never {
  process.stdout.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { view: 'table', fields: '', format: undefined, loopMs: 0, id: undefined };
  let query = false;
  let xml = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string => inline ?? argv[++i] ?? fail(INVALID_ARGS, 2);
    const optionalNumber = (): string | undefined => inline ?? (/^\d+$/.test(argv[i + 1] ?? '') ? argv[++i] : undefined);
    switch (flag) {
      case '-h': case '--help': args.view = 'help'; break;
      case '--version': args.view = 'version'; break;
      case '-L': case '--list-gpus': args.view = 'list'; break;
      case '-q': case '--query': query = true; break;
      case '-x': case '--xml-format': xml = true; break;
      case '--query-gpu': args.view = 'gpu'; args.fields = value(); break;
      case '--query-compute-apps': args.view = 'apps'; args.fields = value(); break;
      case '--format': args.format = parseFormat(value()) ?? fail(INVALID_ARGS, 2); break;
      case '-l': case '--loop': args.loopMs = Number(optionalNumber() ?? 5) * 1000; break;
      case '-lms': case '--loop-ms': args.loopMs = Number(value()); break;
      case '-i': case '--id': args.id = value(); break;
      case '-d': case '--display': value(); break; // sections filter: the full report is a superset
      default: fail(INVALID_ARGS, 2);
    }
  }
  if (query || xml) args.view = xml ? 'xml' : 'query';
  if ((args.view === 'gpu' || args.view === 'apps') && !args.format) fail(INVALID_ARGS, 2);
  if (!Number.isFinite(args.loopMs) || args.loopMs < 0) fail(INVALID_ARGS, 2);
  return args;
}

function select(snapshot: SmiSnapshot, id: string | undefined): SmiSnapshot {
  if (id === undefined) return snapshot;
  const wanted = id.split(',');
  const gpus = snapshot.gpus.filter((g) => wanted.includes(String(g.index)) || wanted.includes(g.uuid) || wanted.includes(g.busId));
  if (gpus.length === 0) fail('No devices were found', 6);
  return { ...snapshot, gpus };
}

async function render(args: Args, first: boolean): Promise<string> {
  const snapshot = select(buildSnapshot(process.env, await readOllamaActivity(process.env)), args.id);
  const format = args.format ?? { header: true, units: true };
  switch (args.view) {
    case 'xml': return renderXml(snapshot);
    case 'query': return queryText(snapshot);
    case 'list': return listGpus(snapshot);
    case 'gpu': return queryGpu(args.fields, snapshot, format, first).map((l) => `${l}\n`).join('');
    case 'apps': return queryApps(args.fields, snapshot, format, first).map((l) => `${l}\n`).join('');
    default: return summaryTable(snapshot);
  }
}

async function main(): Promise<void> {
  // A reader that stops reading (head, a closed pipe) ends the loop quietly, as the real one does.
  process.stdout.on('error', () => process.exit(0));
  const mode = process.env.NVIDIA_SMI_STANDIN_MODE ?? 'normal';
  const args = parseArgs(process.argv.slice(2));
  if (args.view === 'help') {
    process.stdout.write('NVIDIA System Management Interface (test stand-in)\n\n    nvidia-smi [OPTION1 [ARG1]] ...\n\n'
      + '    -L  -q  -x  -i ID  -l [SEC]  -lms MS\n    --query-gpu=FIELDS  --query-compute-apps=FIELDS  --format=csv[,noheader][,nounits]\n');
    return;
  }
  if (mode === 'no-driver') fail(NO_DRIVER_MESSAGE, 9);
  if (mode === 'no-gpu') fail('No devices were found', 6);
  if (args.view === 'version') {
    const driver = process.env.NVIDIA_SMI_STANDIN_DRIVER || '550.54.14';
    process.stdout.write(`NVIDIA-SMI version  : ${driver}\nNVML version        : 12.${driver}\nDRIVER version      : ${driver}\nCUDA Version        : ${process.env.NVIDIA_SMI_STANDIN_CUDA || '12.4'}\n`);
    return;
  }
  try {
    if (args.view === 'gpu') checkGpuFields(args.fields);
    if (args.view === 'apps') checkAppFields(args.fields);
  } catch (error) {
    if (error instanceof InvalidFieldError) fail(`${error.message}\n`, 2);
    throw error;
  }
  const stop = (): never => process.exit(0);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  for (let first = true; ; first = false) {
    process.stdout.write(await render(args, first));
    if (args.loopMs <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, args.loopMs));
  }
}

await main();
