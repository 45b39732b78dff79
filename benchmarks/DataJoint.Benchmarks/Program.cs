// Benchmarks compare DataJoint operations with the raw driver on the same data in the same run.
// Run: dotnet run -c Release --project benchmarks/DataJoint.Benchmarks -- --filter '*'
// Servers: scripts/db-servers.sh start (the DJ_TEST_* variables of the test suite are honoured).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
