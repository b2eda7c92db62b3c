using System;
using System.Linq.Expressions;
using System.Reflection;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>Compiles a getter of a property or field into a delegate once, instead of reflecting on every call.</summary>
internal static class MemberAccessor
{
    public static Func<object, object?> Compile(MemberInfo member)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = Expression.Convert(instance, member.DeclaringType!);
        Expression access = member switch
        {
            PropertyInfo property => Expression.Property(typed, property),
            FieldInfo field => Expression.Field(typed, field),
            _ => throw new ArgumentException($"{member.Name} is neither a property nor a field.", nameof(member)),
        };
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
    }

    public static Type TypeOf(MemberInfo member) => member switch
    {
        PropertyInfo property => property.PropertyType,
        FieldInfo field => field.FieldType,
        _ => typeof(object),
    };
}
