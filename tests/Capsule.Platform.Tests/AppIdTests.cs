using Capsule.Platform.MiniPrograms;

namespace Capsule.Platform.Tests;

public sealed class AppIdTests
{
    [Fact]
    public void New_appids_are_wx_and_16_hex_digits_and_differ()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => AppId.New()).ToList();
        Assert.All(ids, id => Assert.True(AppId.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Seeded_appids_are_stable()
    {
        Assert.Equal(AppId.FromSeed("demo:hello"), AppId.FromSeed("demo:hello"));
        Assert.NotEqual(AppId.FromSeed("demo:hello"), AppId.FromSeed("demo:shop"));
        Assert.True(AppId.IsValid(AppId.FromSeed("demo:hello")));
    }

    [Theory]
    [InlineData("wx0123456789abcdef", true)]
    [InlineData("wx0123456789ABCDEF", false)]
    [InlineData("wx0123456789abcde", false)]
    [InlineData("xx0123456789abcdef", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validation_accepts_only_the_appid_form(string? value, bool valid) =>
        Assert.Equal(valid, AppId.IsValid(value));
}
