// Generator time for a large compilation. Run:
// dotnet run -c Release --project benchmarks/DataJoint.Generators.Benchmarks -- --filter '*'
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
