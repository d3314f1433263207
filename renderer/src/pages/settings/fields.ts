import { settingsSchema, type Settings } from '../../../../main/settings/schema';

type ModelKey = keyof Settings['models'];
type TopKey = Exclude<keyof Settings, 'models'>;

/** One form field per setting; nested model settings use the dotted path the core reports errors with. */
export type FieldKey = TopKey | `models.${ModelKey}`;

export type NumberKey = {
  [K in TopKey]: Settings[K] extends number ? K : never;
}[TopKey];

interface BaseField {
  key: FieldKey;
  label: string;
  help: string;
}

export interface TextField extends BaseField {
  kind: 'text';
  placeholder?: string;
}

export interface NumberField extends BaseField {
  kind: 'number';
  key: NumberKey;
  unit?: string;
  step?: number;
}

export interface CheckboxField extends BaseField {
  kind: 'checkbox';
}

export interface SelectField extends BaseField {
  kind: 'select';
  options: readonly { value: string; label: string }[];
}

export type FieldSpec = TextField | NumberField | CheckboxField | SelectField;

export interface SectionSpec {
  id: string;
  title: string;
  description: string;
  fields: readonly FieldSpec[];
}

const kvCacheLabels: Record<Settings['kvCacheType'], string> = {
  f16: 'f16 (full precision)',
  q8_0: 'q8_0 (8-bit, half the memory)',
  q4_0: 'q4_0 (4-bit, a quarter)',
};

const modelField = (key: ModelKey, label: string, help: string): TextField => ({
  key: `models.${key}`,
  kind: 'text',
  label,
  help,
  placeholder: 'name:tag',
});

export const sections: readonly SectionSpec[] = [
  {
    id: 'engine',
    title: 'Engine',
    description: 'How the workstation reaches and runs Ollama. Server options apply the next time the workstation starts Ollama itself.',
    fields: [
      {
        key: 'ollamaHost',
        kind: 'text',
        label: 'Ollama host',
        help: 'Where Ollama listens, as host:port or http://host:port. When the OLLAMA_HOST environment variable is set, it wins over this.',
        placeholder: 'http://127.0.0.1:11434',
      },
      {
        key: 'parallelSlots',
        kind: 'number',
        label: 'Parallel slots',
        help: 'Requests one model answers at the same time. Each slot reserves its own context in VRAM.',
      },
      {
        key: 'ollamaMaxQueue',
        kind: 'number',
        label: 'Max queued requests',
        unit: 'requests',
        help: 'Requests Ollama holds while every slot is busy; past this it answers "busy" and the workstation retries later.',
      },
      {
        key: 'maxLoadedModels',
        kind: 'number',
        label: 'Max loaded models',
        help: 'Models kept in memory together before the least recently used one is unloaded.',
      },
      {
        key: 'keepAlive',
        kind: 'text',
        label: 'Keep-alive',
        help: 'How long an idle model stays loaded: 5m, 1h, 0 to unload at once, or -1 to keep it forever.',
        placeholder: '5m',
      },
      {
        key: 'flashAttention',
        kind: 'checkbox',
        label: 'Flash attention',
        help: 'Faster attention that uses less memory on supported GPUs. Needed for a quantised KV cache.',
      },
      {
        key: 'kvCacheType',
        kind: 'select',
        label: 'KV cache type',
        help: 'Precision of the context cache. q8_0 is near lossless; q4_0 fits the most context but loses some quality.',
        options: settingsSchema.shape.kvCacheType.unwrap().options.map((value) => ({ value, label: kvCacheLabels[value] })),
      },
      {
        key: 'contextLength',
        kind: 'number',
        label: 'Context length',
        unit: 'tokens',
        step: 1024,
        help: 'Tokens of context per request. Longer contexts hold longer documents and use more VRAM.',
      },
    ],
  },
  {
    id: 'models',
    title: 'Models',
    description: 'The Ollama model each feature uses, as name:tag (for example llama3.1:8b).',
    fields: [
      modelField('batch', 'Batch model', 'Evaluates the candidates in a batch file.'),
      modelField('interviews', 'Interviews model', 'Runs exit interviews and writes interview kits.'),
      modelField('pricing', 'Pricing model', 'Matches jobs to benchmark occupations and explains the price.'),
      modelField('skills', 'Skills model', 'Infers soft skills from interview evidence.'),
      modelField('embedding', 'Embedding model', 'Turns text into vectors for search and matching.'),
    ],
  },
  {
    id: 'gpu',
    title: 'GPU guard',
    description: 'How closely the workstation watches the card, and when it steps in before VRAM runs out.',
    fields: [
      {
        key: 'gpuSampleIntervalMs',
        kind: 'number',
        label: 'GPU sample interval',
        unit: 'ms',
        step: 250,
        help: 'How often nvidia-smi is read, in milliseconds.',
      },
      {
        key: 'vramWarnPercent',
        kind: 'number',
        label: 'VRAM warning level',
        unit: '%',
        step: 0.5,
        help: 'The VRAM bars turn amber when this share of the card is in use.',
      },
      {
        key: 'vramActMiB',
        kind: 'number',
        label: 'VRAM action level',
        unit: 'MiB',
        step: 256,
        help: 'Used VRAM, in MiB, at which the memory guard steps in to avoid running out of memory. The bars turn red here.',
      },
    ],
  },
  {
    id: 'batch',
    title: 'Batch queue',
    description: 'How long batches are run: attempts per item and the model runner recycled on long runs.',
    fields: [
      {
        key: 'batchMaxAttempts',
        kind: 'number',
        label: 'Attempts per item',
        unit: 'tries',
        help: 'An item that keeps failing (invalid answer, cut stream) is set aside as failed after this many tries, with its reason. Out-of-memory and busy engines do not use up tries.',
      },
      {
        key: 'batchRecycleMinutes',
        kind: 'number',
        label: 'Recycle the model runner every',
        unit: 'minutes',
        help: 'Ollama\'s runners leak memory over hours: a long batch pauses, unloads its model and carries on this often. 0 never does.',
      },
    ],
  },
  {
    id: 'data',
    title: 'Data',
    description: 'What the workstation keeps in its local database.',
    fields: [
      {
        key: 'retentionDays',
        kind: 'number',
        label: 'Retention',
        unit: 'days',
        help: 'Results, logs and GPU history older than this many days are deleted.',
      },
    ],
  },
];

export const allFields: readonly FieldSpec[] = sections.flatMap((section) => section.fields);

export const fieldKeys: readonly FieldKey[] = allFields.map((field) => field.key);

export const isFieldKey = (value: string | undefined): value is FieldKey =>
  value !== undefined && (fieldKeys as readonly string[]).includes(value);

export interface NumberBounds {
  min: number | null;
  max: number | null;
  integer: boolean;
}

/** Read from the shared schema, so the form's limits can never drift from the core's. */
export function boundsOf(key: NumberKey): NumberBounds {
  const schema = settingsSchema.shape[key].unwrap();
  return { min: schema.minValue, max: schema.maxValue, integer: schema.isInt };
}

/** The DOM id of a field's input; its help and error ids derive from it. */
export const inputIdOf = (key: FieldKey): string => `setting-${key.replace('.', '-')}`;
