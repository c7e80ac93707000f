namespace Authsome.Store;

/// <summary>Form configurations.</summary>
public interface IFormConfigStore
{
    /// <summary>Stores a form config. Throws <see cref="StoreConflictException"/> (Duplicate) when the app already has one of this form type.</summary>
    ValueTask CreateAsync(FormConfig formConfig, CancellationToken cancellationToken);

    ValueTask<FormConfig?> GetAsync(Id<App> appId, string formType, CancellationToken cancellationToken);

    /// <summary>Replaces a form config's fields. Throws <see cref="StoreNotFoundException"/> or Duplicate.</summary>
    ValueTask UpdateAsync(FormConfig formConfig, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<FormConfig> id, CancellationToken cancellationToken);

    /// <summary>An app's form configs, in id order.</summary>
    ValueTask<IReadOnlyList<FormConfig>> ListAsync(Id<App> appId, CancellationToken cancellationToken);
}
