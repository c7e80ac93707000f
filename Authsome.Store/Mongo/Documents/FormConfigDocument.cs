using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="FormConfig"/> as stored in <c>authsome_form_configs</c>; its fields are an array of subdocuments in form order.</summary>
internal static class FormConfigDocument
{
    public static BsonDocument ToBson(FormConfig config) => new()
    {
        { Field.Id, Id(config.Id) },
        { Field.AppId, Id(config.AppId) },
        { Field.FormType, Text(config.FormType) },
        { Field.Fields, new BsonArray((config.Fields.IsDefault ? [] : config.Fields).Select(FieldToBson)) },
        { Field.Active, config.Active },
        { Field.Version, config.Version },
        { Field.CreatedAt, Date(config.CreatedAt) },
        { Field.UpdatedAt, Date(config.UpdatedAt) },
    };

    public static FormConfig FromBson(BsonDocument d) => new()
    {
        Id = d.Id<FormConfig>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        FormType = d.Text(Field.FormType),
        Fields = [.. d.Array(Field.Fields).Select(v => FieldFromBson(d, v))],
        Active = d.Bool(Field.Active),
        Version = d.Int(Field.Version),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };

    private static BsonDocument FieldToBson(FormField field) => new()
    {
        { Field.Key, Text(field.Key) },
        { Field.Label, Text(field.Label) },
        { Field.Type, Text(field.Type) },
        { Field.Validation, field.Validation is { } v ? ValidationToBson(v) : BsonNull.Value },
        { Field.Order, field.Order },
    };

    private static BsonDocument ValidationToBson(FormFieldValidation validation) => new()
    {
        { Field.Required, validation.Required },
        { Field.MinLength, Int(validation.MinLength) },
        { Field.MaxLength, Int(validation.MaxLength) },
        { Field.Pattern, Text(validation.Pattern) },
        { Field.Min, Double(validation.Min) },
        { Field.Max, Double(validation.Max) },
    };

    private static FormField FieldFromBson(BsonDocument owner, BsonValue value)
    {
        if (!value.IsBsonDocument)
        {
            throw new StoreException($"A stored form config ({owner[Field.Id]}) has a malformed field.");
        }

        var d = value.AsBsonDocument;
        var validation = d.TryGetValue(Field.Validation, out var v) && v.IsBsonDocument ? v.AsBsonDocument : null;
        return new FormField
        {
            Key = d.Text(Field.Key),
            Label = d.Text(Field.Label),
            Type = d.Text(Field.Type),
            Order = d.Int(Field.Order),
            Validation = validation is null ? null : new FormFieldValidation
            {
                Required = validation.Bool(Field.Required),
                MinLength = validation.OptionalInt(Field.MinLength),
                MaxLength = validation.OptionalInt(Field.MaxLength),
                Pattern = validation.OptionalText(Field.Pattern),
                Min = validation.OptionalDouble(Field.Min),
                Max = validation.OptionalDouble(Field.Max),
            },
        };
    }
}
