import { addInto, descriptionShares, descriptionWithChars, featureCounts, hashVector, normalise, titleShares, weighFeatures, type FeatureStats, type SparseVector } from './features';

/**
 * What the matcher needs from an embedding: a title vector and a description vector, both unit
 * length, of `dims` floats. The default is the model-free hashed TF-IDF below; an Ollama embedding
 * model can implement the same two calls (its vectors stored by a catalogue rebuild under its own
 * id), which is why the id is recorded with the catalogue and every request.
 */
export interface TextEmbedder {
  readonly id: string;
  readonly dims: number;
  titleVector(words: readonly string[]): Float32Array;
  descriptionVector(words: readonly string[]): Float32Array;
}

export const hashedEmbedderId = 'hashed-tfidf-v1';
export const defaultDims = 512;

/** Word, bigram and character 3-gram TF-IDF, hashed into `dims` signed buckets. */
export class HashedTfidfEmbedder implements TextEmbedder {
  readonly id = hashedEmbedderId;

  constructor(
    readonly titleStats: FeatureStats,
    readonly descriptionStats: FeatureStats,
    readonly dims: number = defaultDims,
  ) {}

  titleSparse(words: readonly string[]): SparseVector {
    return weighFeatures(featureCounts(words), this.titleStats, titleShares);
  }

  descriptionSparse(words: readonly string[]): SparseVector {
    return weighFeatures(featureCounts(words, descriptionWithChars), this.descriptionStats, descriptionShares);
  }

  titleVector(words: readonly string[]): Float32Array {
    return hashVector(this.titleSparse(words), this.dims);
  }

  descriptionVector(words: readonly string[]): Float32Array {
    return hashVector(this.descriptionSparse(words), this.dims);
  }

  /** An occupation's title profile: the mean of its titles' vectors, the main title counted twice. */
  titleCentroid(titles: ReadonlyArray<readonly string[]>): Float32Array {
    const sum: SparseVector = new Map();
    titles.forEach((words, index) => addInto(sum, this.titleSparse(words), index === 0 ? 2 : 1));
    return hashVector(normalise(sum), this.dims);
  }
}

export const vectorBlob = (vector: Float32Array): Buffer => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
export const blobVector = (blob: Buffer): Float32Array => new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
