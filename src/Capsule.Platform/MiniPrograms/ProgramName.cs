using System.Globalization;
using System.Text;

namespace Capsule.Platform.MiniPrograms;

/// <summary>How names are compared: Unicode NFKC, case folded, trimmed, inner white space collapsed to one space.</summary>
public static class ProgramName
{
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
