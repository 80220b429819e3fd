namespace Capsule.Compiler.Logic;

/// <summary>
/// Where each offset of a rewritten script came from in the original file. The script is a series of runs, in
/// order: text copied from the original (<c>Copied</c>), or inserted text, which stands for the position in the
/// original that it replaced or was inserted at.
/// </summary>
public sealed class SourceOffsets
{
    private readonly (int Output, int Source, bool Copied)[] _runs;

    /// <param name="runs">Where each run starts in the script and in the original, by increasing start in the script.</param>
    internal SourceOffsets(IEnumerable<(int Output, int Source, bool Copied)> runs) => _runs = [.. runs];

    /// <summary>The offsets of a script that is the original file itself.</summary>
    public static SourceOffsets Identity { get; } = new([(0, 0, true)]);

    /// <summary>The offset in the original file that an offset of the script came from.</summary>
    public int SourceOf(int output)
    {
        int low = 0, high = _runs.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_runs[middle].Output <= output)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        var run = _runs[low];
        return run.Copied ? run.Source + (output - run.Output) : run.Source;
    }
}
