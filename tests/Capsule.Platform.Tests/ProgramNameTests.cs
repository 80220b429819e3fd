using Capsule.Platform.MiniPrograms;

namespace Capsule.Platform.Tests;

public sealed class ProgramNameTests
{
    [Theory]
    [InlineData("Bike Share", "bike share")]
    [InlineData("  Bike   Share  ", "bike share")]
    [InlineData("BIKE\tSHARE", "bike share")]
    [InlineData("Ｂｉｋｅ Ｓｈａｒｅ", "bike share")]
    [InlineData("拼多多", "拼多多")]
    [InlineData("ﬁsh", "fish")]
    public void Names_compare_after_nfkc_case_folding_and_space_collapsing(string name, string normalized) =>
        Assert.Equal(normalized, ProgramName.Normalize(name));
}
