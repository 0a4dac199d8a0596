// Loads the llvm-bindings addon and checks it is the build with Tensile's extensions
// (patches/llvm-bindings+0.4.2.patch): LLVM 14, the expected patch revision, and every extension entry point.
// Exit 0 when usable; otherwise prints what is missing and exits 1. Used by scripts/postinstall.sh and
// scripts/setup.sh. Usage: node scripts/check-llvm-bindings.cjs [path/to/llvm-bindings]
'use strict';
const path = require('node:path');

// Keep in step with TENSILE_PATCH_REVISION in the patch's include/Extensions/index.h.
const expectedRevision = 2;

// "Class.prototype.method", "Namespace.function" or "function": one per extension area, enough to tell the
// patched build from the stock one and from an older revision.
const requiredApi = [
  'VectorType.get', 'FixedVectorType.get', 'ScalableVectorType.get', 'VectorType.prototype.getElementCount',
  'Type.prototype.print', 'Value.prototype.print', 'ConstantVector.get', 'PoisonValue.get', 'ConstantDataVector.getRaw',
  'IRBuilder.prototype.CreateShuffleVector', 'IRBuilder.prototype.CreateInsertElement',
  'IRBuilder.prototype.CreateExtractElement', 'IRBuilder.prototype.CreateVectorSplat',
  'IRBuilder.prototype.CreateIntrinsic', 'IRBuilder.prototype.CreateAlignedLoad',
  'IRBuilder.prototype.CreateAlignedStore', 'IRBuilder.prototype.CreateMaskedLoad',
  'IRBuilder.prototype.CreateAtomicRMW', 'IRBuilder.prototype.CreateFreeze', 'IRBuilder.prototype.setFastMathFlags',
  'Instruction.prototype.setFastMathFlags', 'Function.prototype.addParamAttr', 'Function.prototype.addFnAttr',
  'GlobalObject.prototype.setAlignment', 'Intrinsic.lookupIntrinsicID', 'TargetMachine.prototype.emitToBuffer',
  'TargetMachine.prototype.emitToFile', 'runPasses', 'sys.getHostCPUName', 'sys.getHostCPUFeatures',
  'parseCommandLineOptions', 'verifyModuleMessage', 'Module.prototype.dispose', 'ConstantInt.getFromString',
  'ConstantFP.getFromBits', 'Function.prototype.getName', 'VectorType.prototype.isVectorTy',
];

function check(packageDir) {
  let llvm;
  try {
    llvm = require(packageDir);
  } catch (error) {
    return [`the addon does not load: ${error.message}`];
  }
  const problems = [];
  if (llvm.config?.LLVM_VERSION_MAJOR !== 14) problems.push(`LLVM ${llvm.config?.LLVM_VERSION_MAJOR}, expected 14`);
  if (llvm.TENSILE_PATCH_REVISION !== expectedRevision) {
    problems.push(`patch revision ${llvm.TENSILE_PATCH_REVISION}, expected ${expectedRevision} (a stale or unpatched build)`);
  }
  const missing = requiredApi.filter((name) => typeof name.split('.').reduce((o, key) => o?.[key], llvm) !== 'function');
  if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
  return problems;
}

const packageDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'node_modules', 'llvm-bindings'));
const problems = check(packageDir);
if (problems.length > 0) {
  console.error(`check-llvm-bindings: ${packageDir} is not the patched llvm-bindings:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`check-llvm-bindings: ${packageDir}: patched API present (revision ${expectedRevision})`);
