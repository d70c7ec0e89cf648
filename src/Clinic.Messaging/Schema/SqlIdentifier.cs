using System.Text.RegularExpressions;

namespace Clinic.Messaging.Schema;

/// <summary>Names that go into SQL text (schemas, tables, columns) cannot be parameters, so they are checked instead.</summary>
internal static partial class SqlIdentifier
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Valid();

    public static string Checked(string name, string what) =>
        Valid().IsMatch(name)
            ? name
            : throw new ArgumentException($"{what} '{name}' must be lower-case letters, digits and underscores (at most 63).");

    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
