using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Authsome.Store.Testing;

/// <summary>
/// Wraps a sub-store so that calls of one of its methods go through a test's own code (to fail them as a refusing
/// database would, or to hold them until the test lets them finish) while every other call goes straight to the
/// wrapped sub-store. Return the wrapper from a <see cref="DelegatingStore"/> override.
/// </summary>
public static class StoreCallInterceptor
{
    /// <summary>
    /// Returns <paramref name="inner"/> with every call of <paramref name="method"/> handed to <paramref name="around"/>,
    /// which returns the call's result (the method's own <c>ValueTask</c>) and decides whether and when
    /// <see cref="StoreCall.Proceed"/> makes the inner call.
    /// </summary>
    public static T Wrap<T>(T inner, string method, Func<StoreCall, object?> around)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(around);
        if (!typeof(T).GetMethods().Concat(typeof(T).GetInterfaces().SelectMany(i => i.GetMethods())).Any(m => m.Name == method))
        {
            throw new ArgumentException($"{typeof(T).Name} has no method {method}.", nameof(method));
        }

        var proxy = DispatchProxy.Create<T, InterceptingProxy<T>>();
        ((InterceptingProxy<T>)(object)proxy).Set(inner, method, around);
        return proxy;
    }

    [SuppressMessage("Performance", "CA1852:Seal internal types", Justification = "DispatchProxy derives from it at run time.")]
    internal class InterceptingProxy<T> : DispatchProxy
        where T : class
    {
        private T _inner = null!;
        private string _method = null!;
        private Func<StoreCall, object?> _around = null!;

        internal void Set(T inner, string method, Func<StoreCall, object?> around) => (_inner, _method, _around) = (inner, method, around);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            var call = new StoreCall(targetMethod, args ?? [], _inner);
            return targetMethod.Name == _method ? _around(call) : call.Proceed();
        }
    }
}

/// <summary>A call a <see cref="StoreCallInterceptor"/> wrapper intercepted.</summary>
public sealed class StoreCall
{
    private readonly MethodInfo _method;
    private readonly object _target;

    internal StoreCall(MethodInfo method, object?[] arguments, object target) => (_method, Arguments, _target) = (method, arguments, target);

    /// <summary>The call's arguments, in the method's order.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The call's cancellation token (every store method takes one last).</summary>
    public CancellationToken CancellationToken => Arguments.OfType<CancellationToken>().LastOrDefault();

    /// <summary>Makes the call on the wrapped sub-store and returns its result; its exceptions are not wrapped.</summary>
    public object? Proceed() => _method.Invoke(_target, BindingFlags.DoNotWrapExceptions, null, [.. Arguments], null);
}
