using System.Collections.Frozen;

namespace Authsome.Store.Relational;

/// <summary>
/// Where each column of a fixed <c>SELECT</c> list sits in the row, worked out once, so that a hot read maps its row
/// by column name without asking the driver for every column's position on every row. An entity's columns in a join
/// start where the previous entity's end (<paramref name="first"/>), so one mapping reads either on its own or joined.
/// </summary>
internal sealed class ColumnOrdinals(string columns, int first = 0)
{
    private readonly FrozenDictionary<string, int> _ordinals = columns.Split(", ")
        .Select((column, index) => KeyValuePair.Create(column, first + index))
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How many columns the list has.</summary>
    public int Count => _ordinals.Count;

    /// <summary>The position of <paramref name="column"/> in the row; a name not in the list is a bug in the mapping.</summary>
    public int this[string column] => _ordinals[column];
}
