using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>Rules a form field's value must satisfy.</summary>
public sealed record FormFieldValidation
{
    public bool Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>A regular expression the value must match (evaluated with a timeout by the engine).</summary>
    public string? Pattern { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>One field of a configurable form.</summary>
public sealed record FormField
{
    public required string Key { get; init; }
    public required string Label { get; init; }

    /// <summary>text, email, number, select, checkbox, ...</summary>
    public required string Type { get; init; }
    public FormFieldValidation? Validation { get; init; }
    public int Order { get; init; }
}

/// <summary>An app's configuration of one form (e.g. the sign-up form's extra fields); one per app and form type.</summary>
public sealed record FormConfig : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "afcf";

    public required Id<FormConfig> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required string FormType { get; init; }
    public ImmutableArray<FormField> Fields { get; init; } = [];
    public bool Active { get; init; } = true;
    public int Version { get; init; } = 1;
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
