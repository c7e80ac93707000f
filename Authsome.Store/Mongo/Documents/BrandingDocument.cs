using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="BrandingConfig"/> as stored in <c>authsome_branding_configs</c>.</summary>
internal static class BrandingDocument
{
    public static BsonDocument ToBson(BrandingConfig branding) => new()
    {
        { Field.Id, Id(branding.Id) },
        { Field.OrgId, Id(branding.OrgId) },
        { Field.LogoUrl, Text(branding.LogoUrl) },
        { Field.Colors, Map(branding.Colors) },
        { Field.FontFamily, Text(branding.FontFamily) },
        { Field.CustomCss, Text(branding.CustomCss) },
        { Field.CompanyName, Text(branding.CompanyName) },
        { Field.Tagline, Text(branding.Tagline) },
        { Field.CreatedAt, Date(branding.CreatedAt) },
        { Field.UpdatedAt, Date(branding.UpdatedAt) },
    };

    public static BrandingConfig FromBson(BsonDocument d) => new()
    {
        Id = d.Id<BrandingConfig>(Field.Id),
        OrgId = d.Id<Organization>(Field.OrgId),
        LogoUrl = d.OptionalText(Field.LogoUrl),
        Colors = d.Map(Field.Colors),
        FontFamily = d.OptionalText(Field.FontFamily),
        CustomCss = d.OptionalText(Field.CustomCss),
        CompanyName = d.OptionalText(Field.CompanyName),
        Tagline = d.OptionalText(Field.Tagline),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
