namespace Capsule.E2E.Tests;

/// <summary>
/// A hostile program's own code can post the messages the runtime's logic layer posts: the host checks storage and file
/// writes again, so they cannot pass the program's limits or reach outside its files. On the runtime-ui fixture.
/// </summary>
public sealed class ForgedMessageTests(CapsuleFixture fixture, RuntimeUiSimulator simulator) : BrowserTest(fixture), IClassFixture<RuntimeUiSimulator>
{
    [Fact]
    public Task Storage_and_file_messages_a_program_posts_itself_cannot_pass_its_limits_or_leave_its_files() => WithPageAsync(async page =>
    {
        await simulator.OpenAsync(page, "/pages/forged/forged");
        await page.EvaluateAsync("() => capsule.tap('#forge')");
        await page.WaitForFunctionAsync("() => capsule.errors.length === 2");
        var errors = await page.EvaluateAsync<string[]>("() => capsule.errors");
        Assert.Equal("Capsule refused a storage write past the program\u2019s 10 MB", errors[0]);
        Assert.StartsWith("Capsule refused a file write outside the program\u2019s files", errors[1]);

        await page.WaitForTimeoutAsync(300);
        await page.EvaluateAsync("() => capsule.restart()");
        await page.EvaluateAsync("() => capsule.reLaunch('/pages/forged/forged')");
        await page.EvaluateAsync("() => capsule.tap('#check')");
        await page.WaitForFunctionAsync("() => capsule.data().saved === 0");
        Assert.Equal("first", await page.EvaluateAsync<string>("() => capsule.data().keys"));
    });
}
