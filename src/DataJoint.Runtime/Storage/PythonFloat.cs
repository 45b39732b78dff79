using System.Globalization;
using System.Text;

namespace DataJoint;

/// <summary>
/// A float as Python's <c>str(float)</c> writes it (its <c>repr</c>: the shortest text that reads back, <c>1.0</c> for an
/// integral value, scientific notation like <c>1e+16</c> or <c>1.5e-05</c> below 1e-4 and from 1e16), so paths built from
/// float key values match DataJoint-Python's.
/// </summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // Shortest round-trip digits D and exponent x with |value| = 0.D × 10^x.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var x = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        x -= leading;

        var result = new StringBuilder(value < 0 ? "-" : "");
        var scientific = x - 1;
        if (scientific is >= -4 and < 16)
        {
            if (x <= 0) result.Append("0.").Append('0', -x).Append(digits);
            else if (x >= digits.Length) result.Append(digits).Append('0', x - digits.Length).Append(".0");
            else result.Append(digits, 0, x).Append('.').Append(digits, x, digits.Length - x);
        }
        else
        {
            result.Append(digits[0]);
            if (digits.Length > 1) result.Append('.').Append(digits, 1, digits.Length - 1);
            result.Append('e').Append(scientific < 0 ? '-' : '+').Append(Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }
}
