namespace Capsule.E2E.Tests;

/// <summary>The runtime-ui fixture: keyed lists, the component framework, built-ins and device APIs.</summary>
public sealed class RuntimeUiSimulator() : SimulatorFixture(Fixture("runtime-ui"));
