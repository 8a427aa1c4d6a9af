// DESIGN §2 "Test vs implementation": which changed files are tests, source, or
// excluded (docs, config, lock files, generated, vendored, binary). The paths are
// copied from the numstat rows of the tracked histories.
import { describe, expect, it } from 'vitest';
import { classifyPath, isTestPath, PATH_CLASSES, type PathClass } from '../../../scripts/classify/path-kind.ts';

const cls = (path: string): PathClass => classifyPath(path, 1, 1);

describe('classifyPath', () => {
  it('calls a row binary when git gives no line counts', () => {
    expect(classifyPath('docs/images/arch.png', null, null)).toBe('binary');
    expect(classifyPath('src/model.py', 3, null)).toBe('binary');
    expect(classifyPath('third_party/lib.so', null, 0)).toBe('binary');
  });

  it.each([
    'tests/kernels/test_moe.py',
    'test/unit/gemm/device/sm120_bs_gemm.cu',
    'MaxText/tests/integration_tests/vision_encoder_test.py',
    'stablehlo/testdata/arithmetic.mlir',
    // Code in a golden/ folder is still test code (tt-mlir's test/python/golden/).
    'test/python/golden/test_ttir_ops.py',
    'torch/testing/_internal/common_utils.py',
    'src/__tests__/App.test.tsx',
    'spec/models/user_spec.rb',
    'level_zero/core/test/unit_tests/sources/cmdlist/test_cmdlist.cpp',
    'python/tests_pytorch/trainer/test_trainer.py',
    'iree/compiler/Dialect/Flow/Transforms/test/fusion.mlir',
    'Tests/Unit/Foo.swift',
    // By file name, outside a test directory.
    'vllm/model_executor/test_utils.py',
    'pkg/scheduler/cache_test.go',
    'xla/service/gpu/fusion_merger_test.cc',
    'src/components/Button.test.ts',
    'src/components/Button.spec.ts',
    'conftest.py',
    'src/main/java/org/foo/LayerTest.java',
    'src/Foo_unittest.cpp',
  ])('%s is a test', (path) => {
    expect(cls(path)).toBe('test');
    expect(isTestPath(path)).toBe(true);
  });

  it.each([
    'vllm/model_executor/layers/linear.py',
    'csrc/attention/attention_kernels.cu',
    'include/cutlass/gemm/device/gemm.h',
    'src/f32-gemm/f32-gemm.c',
    'lib/Dialect/TritonGPU/IR/Ops.td',
    'iree/compiler/Codegen/LLVMGPU/Passes.mlir',
    'candle-core/src/tensor.rs',
    'pkg/controllers/job/job_controller.go',
    'src/components/Button.tsx',
    'mlx/backend/metal/kernels/gemv.metal',
    'scripts/run_benchmark.sh',
    'examples/offline_inference.py',
    'benchmarks/kernels/benchmark_moe.py',
    // Names that merely contain "test" or a document word.
    'src/attestation.py',
    'lib/latest.py',
    'src/security.py',
    'torch/utils/contest/history.cc',
    'benchdnn/inputs/flytestdlib.go',
  ])('%s is source', (path) => {
    expect(cls(path)).toBe('source');
    expect(isTestPath(path)).toBe(false);
  });

  it.each([
    'docs/source/index.rst',
    'docs/conf.py',
    'README.md',
    'examples/vision/README_CN.md',
    'CHANGELOG.md',
    'LICENSE',
    'NOTICE.txt',
    'CONTRIBUTING.md',
    'tutorials/get_started/README.txt',
    'examples/notebooks/quickstart.ipynb',
    'assets/architecture.svg',
    'documentation/api/html/index.html',
  ])('%s is docs', (path) => {
    expect(cls(path)).toBe('docs');
  });

  it.each([
    '.github/workflows/test.yml',
    '.github/CODEOWNERS',
    '.circleci/config.yml',
    '.ci/docker/build.sh',
    'CMakeLists.txt',
    'src/turbomind/utils/CMakeLists.txt',
    'BUILD',
    'kai/ukernels/matmul/BUILD.bazel',
    'WORKSPACE',
    'Makefile',
    'Dockerfile',
    'docker/Dockerfile.rocm',
    'setup.py',
    'setup.cfg',
    'pyproject.toml',
    'requirements.txt',
    'requirements/cpu.txt',
    '.gitignore',
    '.pre-commit-config.yaml',
    'configs/models/qwen3-4b.yml',
    'package.json',
    'go.mod',
    'cmake/FindCUDA.cmake',
    'data/whitelist/tts.tsv',
    'model.weights.unknownext',
  ])('%s is config', (path) => {
    expect(cls(path)).toBe('config');
  });

  it.each([
    'third_party/cutlass/include/cutlass/gemm.h',
    'vendor/github.com/google/go-cmp/cmp/compare.go',
    'bootstrap/vendor/github.com/google/go-jsonnet/testdata/x.jsonnet',
    'external/llvm/lib/IR/Function.cpp',
    '3rdparty/dmlc-core/src/io.cc',
    'ggml/third-party/x.c',
    'web/node_modules/lodash/index.js',
    // Vendored beats test and generated.
    'third_party/googletest/test/gtest_unittest.cc',
  ])('%s is vendored', (path) => {
    expect(cls(path)).toBe('vendored');
  });

  it.each([
    'src/qs8-gemm/gen/qs8-gemm-1x8c4-minmax-neondot.c',
    'flyteidl/gen/pb_python/flyteidl/admin/common_pb2.py',
    'api/v1/service.pb.go',
    'proto/model_pb2_grpc.py',
    'web/static/app.min.js',
    'package-lock.json',
    'yarn.lock',
    'Cargo.lock',
    'poetry.lock',
    'uv.lock',
    'ui/pnpm-lock.yaml',
    'go.sum',
    'pkg/apis/v1/zz_generated.deepcopy.go',
    // Generated beats test.
    'tests/generated/test_ops.py',
  ])('%s is generated', (path) => {
    expect(cls(path)).toBe('generated');
  });

  // Test paths hold far more data than code: since 2024, JSON (20 % of the lines
  // in test paths), YAML, .txt, .dot graphs, tokenizer models, recordings and
  // snapshots make up about half of them. They are inputs and expected outputs,
  // not test code, so the test/implementation ratio leaves them out.
  it.each([
    'tests/functional_tests/test_cases/gpt/golden_values_dev_dgx_h100.json',
    'tests/golden/attention.json',
    'tests/integration/recordings/responses/abc123.json',
    'tests/openvino/native/data/reference_graphs/quantized/resnet.dot',
    'tests/configs/train.yaml',
    'tests/assets/merges.txt',
    'tests/assets/test_tiktoken.model',
    'tests/data/sample.csv',
    'tests/data/weights.npz',
    'tests/golden/logits.pt',
    'tests/data/model.onnx',
    'tests/golden/output.golden',
    'router/tests/snapshots/test_http_embed__embeddings_raw.snap',
    'frontend/src/pages/__snapshots__/Home.test.tsx.snap',
    'libs/langgraph/tests/__snapshots__/test_pregel.ambr',
    'test/test_examples.expected',
    'test/xpu/expect/HasDecompTest.test_has_decomposition.expect',
    'tests/benchdnn/inputs/conv/shapes_resnet_50',
    'tests/integration/mock/CodeActAgent/prompt_001.log',
    'tests/data/expected.png',
    // The test folder's own build files and notes are not test code either.
    'tests/CMakeLists.txt',
    'tests/README.md',
  ])('%s is test data (neither test nor source)', (path) => {
    expect(cls(path)).toBe('test-data');
    expect(isTestPath(path)).toBe(false);
  });

  it('keeps binary, vendored and generated ahead of test data', () => {
    expect(classifyPath('tests/data/expected.png', null, null)).toBe('binary');
    expect(cls('third_party/foo/tests/data.json')).toBe('vendored');
    expect(cls('tests/generated/expected.json')).toBe('generated');
    expect(cls('.github/workflows/tests/matrix.json')).toBe('config');
  });

  it('is case-insensitive for directories and names', () => {
    expect(cls('Third_Party/foo.c')).toBe('vendored');
    expect(cls('Docs/Guide.MD')).toBe('docs');
    expect(cls('SRC/Main.CPP')).toBe('source');
    expect(cls('TESTS/x.py')).toBe('test');
  });

  it('does not read the file name as a directory', () => {
    expect(cls('src/test')).toBe('config');
    expect(cls('tests')).toBe('config');
    expect(cls('vendor')).toBe('config');
  });

  it('gives the same answer on repeated calls (the caches are transparent)', () => {
    const paths = ['tests/a.py', 'src/a.py', 'docs/a.md', 'Tests/A.py', 'src/A.py'];
    const first = paths.map(cls);
    expect(paths.map(cls)).toEqual(first);
    expect(first).toEqual(['test', 'source', 'docs', 'test', 'source']);
  });

  it('returns only declared classes', () => {
    for (const p of ['a', 'a/b.c', '.x', 'x/', '/abs/path.py', '', 'tests/x', 'tests/.x']) {
      expect(PATH_CLASSES).toContain(cls(p));
    }
  });
});
