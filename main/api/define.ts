import type { z } from 'zod';

/** One method of the core: what it takes, what it gives back, and a line for `--help`. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

export type ContractShape = Record<string, MethodSpec>;
export type EventShape = Record<string, z.ZodType>;

/** Keeps the literal keys and schema types of a feature's part of the contract. */
export const defineMethods = <const C extends ContractShape>(methods: C): C => methods;
export const defineEvents = <const E extends EventShape>(events: E): E => events;

/** What a caller sends (before defaults) and what a handler receives (after parsing). */
export type InputOf<S extends MethodSpec> = z.input<S['input']>;
export type ParsedInputOf<S extends MethodSpec> = z.output<S['input']>;
export type OutputOf<S extends MethodSpec> = z.output<S['output']>;

export type HandlersOf<C extends ContractShape> = {
  [K in keyof C]: (input: ParsedInputOf<C[K]>) => Promise<OutputOf<C[K]>> | OutputOf<C[K]>;
};

/** The client's view: every method returns a promise, every event can be listened to. */
export type ClientOf<C extends ContractShape, E extends EventShape> = {
  call<K extends keyof C & string>(method: K, input: InputOf<C[K]>): Promise<OutputOf<C[K]>>;
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
};
