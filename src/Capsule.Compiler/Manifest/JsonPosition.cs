using Capsule.Compiler.Diagnostics;

namespace Capsule.Compiler.Manifest;

/// <summary>Turns the position in a <see cref="System.Text.Json.JsonException"/> into a file offset.</summary>
internal static class JsonPosition
{
    public static int Offset(SourceFile file, int zeroBasedLine, int column)
    {
        var offset = 0;
        for (var line = 0; line < zeroBasedLine && offset < file.Text.Length; line++)
        {
            var next = file.Text.IndexOf('\n', offset);
            offset = next < 0 ? file.Text.Length : next + 1;
        }
        return Math.Min(offset + column, file.Text.Length);
    }

    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
