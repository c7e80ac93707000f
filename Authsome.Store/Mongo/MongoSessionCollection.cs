using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// A collection that enlists in the ambient unit of work: a call made without a session while a unit of its store is
/// open in the caller's async flow goes to the driver's overload that takes one, with the unit's session; every other
/// call goes through unchanged. This is how every sub-store (plugin sub-stores included) joins a unit without passing a
/// session through each of its calls, the way a relational connection enlists in an ambient transaction.
/// </summary>
[SuppressMessage("Performance", "CA1852:Seal internal types", Justification = "DispatchProxy derives from it at run time.")]
internal class MongoSessionCollection : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodInfo?> SessionOverloads = new();
    private static readonly MethodInfo[] CollectionMethods = typeof(IMongoCollection<BsonDocument>).GetMethods();

    private IMongoCollection<BsonDocument> _inner = null!;
    private MongoContext _owner = null!;

    public static IMongoCollection<BsonDocument> Create(IMongoCollection<BsonDocument> inner, MongoContext owner)
    {
        var proxy = Create<IMongoCollection<BsonDocument>, MongoSessionCollection>();
        var self = (MongoSessionCollection)(object)proxy;
        self._inner = inner;
        self._owner = owner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (MongoUnit.Of(_owner) is { } unit && SessionOverloads.GetOrAdd(targetMethod, FindSessionOverload) is { } withSession)
        {
            return withSession.Invoke(_inner, BindingFlags.DoNotWrapExceptions, null, [unit.Session, .. args ?? []], null);
        }

        return targetMethod.Invoke(_inner, BindingFlags.DoNotWrapExceptions, null, args, null);
    }

    // The overload with the same name and parameters preceded by an IClientSessionHandle; null for a method that
    // already takes a session, or has no such overload (a property, Indexes, With*).
    private static MethodInfo? FindSessionOverload(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length > 0 && parameters[0].ParameterType == typeof(IClientSessionHandle))
        {
            return null;
        }

        var definition = method.IsGenericMethod ? method.GetGenericMethodDefinition() : method;
        var wanted = definition.GetParameters().Select(p => p.ParameterType.ToString()).ToArray();
        foreach (var candidate in CollectionMethods)
        {
            if (candidate.Name != method.Name || candidate.IsGenericMethodDefinition != definition.IsGenericMethodDefinition)
            {
                continue;
            }

            var candidateParameters = candidate.GetParameters();
            if (candidateParameters.Length != wanted.Length + 1
                || candidateParameters[0].ParameterType != typeof(IClientSessionHandle)
                || !candidateParameters.Skip(1).Select(p => p.ParameterType.ToString()).SequenceEqual(wanted, StringComparer.Ordinal))
            {
                continue;
            }

            return method.IsGenericMethod ? candidate.MakeGenericMethod(method.GetGenericArguments()) : candidate;
        }

        return null;
    }
}
