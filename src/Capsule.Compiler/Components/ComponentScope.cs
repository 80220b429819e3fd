using System.Globalization;
using System.Text;

namespace Capsule.Compiler.Components;

/// <summary>
/// The prefix that isolates a component's class names (<c>scope--name</c>), made from its path. It must be a valid
/// CSS identifier, or every rule of the component's WXSS would be dropped by the browser: npm packages put
/// characters such as <c>@</c> (<c>miniprogram_npm/@vant/weapp/button/index</c>) or a leading digit in paths.
/// Slashes become <c>-</c>; any other character outside letters, digits, <c>-</c> and <c>_</c> becomes <c>_</c>
/// and its code in hex.
/// </summary>
public static class ComponentScope
{
    public static string Of(string componentPath)
    {
        var scope = new StringBuilder(componentPath.Length + 8);
        foreach (var c in componentPath)
        {
            if (c == '/')
            {
                scope.Append('-');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c > 127)
            {
                scope.Append(c);
            }
            else
            {
                scope.Append('_').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
        }
        var first = scope.Length > 0 ? scope[0] : '_';
        var second = scope.Length > 1 ? scope[1] : '_';
        return char.IsAsciiDigit(first) || (first == '-' && (char.IsAsciiDigit(second) || second == '-')) ? "_" + scope : scope.ToString();
    }
}
