[assembly: NUnit.Framework.LevelOfParallelism(4)]

namespace DataJoint.Tests.Infrastructure;

[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public Task StopContainersAsync() => TestServer.DisposeContainersAsync();
}
