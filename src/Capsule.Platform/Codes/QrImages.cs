using System.Security;
using QRCoder;

namespace Capsule.Platform.Codes;

/// <summary>
/// Draws QR codes with QRCoder: PNG, or SVG optionally with the program's icon in the centre. With an icon the
/// code uses error correction level H (30% of it may be covered and it still reads); otherwise M.
/// </summary>
public static class QrImages
{
    private const int PixelsPerModule = 8;

    public static byte[] Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    /// <param name="text">What the code holds.</param>
    /// <param name="iconSvg">An SVG document drawn over the centre (18% of the width), or null for none.</param>
    public static string Svg(string text, string? iconSvg = null)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, iconSvg is null ? QRCodeGenerator.ECCLevel.M : QRCodeGenerator.ECCLevel.H);
        var code = new SvgQRCode(data);
        return iconSvg is null
            ? code.GetGraphic(PixelsPerModule)
            : code.GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, logo: new SvgQRCode.SvgLogo(iconSvg, iconSizePercent: 18));
    }

    /// <summary>A program's default icon: a green rounded square with the first letter of its name.</summary>
    public static string Monogram(string name)
    {
        var letter = name.Trim() is { Length: > 0 } trimmed ? char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1] : "?";
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="22" fill="#07c160"/><text x="50" y="68" font-family="sans-serif" font-size="56" font-weight="bold" text-anchor="middle" fill="#ffffff">{SecurityElement.Escape(letter)}</text></svg>""";
    }
}
