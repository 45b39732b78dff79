using System.Globalization;

namespace DataJoint;

/// <summary>Converts fetched values to the CLR type a caller asked for.</summary>
internal static class ValueConverter
{
    public static T To<T>(object? value, string attribute)
    {
        if (value is T t) return t;
        if (value is null)
        {
            return default(T) is null ? default! : throw new DataJointException(
                $"Attribute `{attribute}` is NULL but was requested as the non-nullable type {typeof(T).Name}.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return (T)Convert(value, target);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new DataJointException($"Attribute `{attribute}` holds a {value.GetType().Name} that cannot be converted to {target.Name}.", ex);
        }
    }

    public static object Convert(object value, Type target)
    {
        if (target.IsInstanceOfType(value)) return value;
        if (target.IsEnum) return value is string s ? Enum.Parse(target, s, ignoreCase: true) : Enum.ToObject(target, value);
        if (target == typeof(DateOnly) && value is DateTime dt) return DateOnly.FromDateTime(dt);
        if (target == typeof(Guid) && value is byte[] bytes) return new Guid(bytes, bigEndian: true);
        if (target == typeof(Guid) && value is string gs) return Guid.Parse(gs);
        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
