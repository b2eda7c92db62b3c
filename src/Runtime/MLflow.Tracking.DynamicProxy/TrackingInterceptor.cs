using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Tasks;
using Castle.DynamicProxy;

namespace MLflow.Tracking.DynamicProxy;

/// <summary>
/// The Castle interceptor behind <see cref="TrackingProxy"/>: starts a run for each call of a tracked method and ends
/// it when the call (or its task) completes. Attributes are read once per method and cached as a
/// <see cref="MethodTrackingPlan"/>.
/// </summary>
public sealed class TrackingInterceptor : IInterceptor
{
    private static readonly ConcurrentDictionary<(MethodInfo Method, MethodInfo? Target), MethodTrackingPlan> Plans = new();
    private readonly IRunTracker? _tracker;

    /// <summary>An interceptor that tracks to <paramref name="tracker"/>, or to <see cref="MlflowTracking.Tracker"/> when null.</summary>
    public TrackingInterceptor(IRunTracker? tracker = null)
    {
        _tracker = tracker;
    }

    /// <inheritdoc/>
    public void Intercept(IInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var tracker = _tracker ?? MlflowTracking.Tracker;
        if (!tracker.IsEnabled)
        {
            // Checked first: with tracking off a call costs Castle's dispatch and nothing of ours.
            invocation.Proceed();
            return;
        }

        var plan = Plans.GetOrAdd((invocation.Method, invocation.MethodInvocationTarget), static key => MethodTrackingPlan.Build(key.Method, key.Target));
        if (plan.Definition is null)
        {
            invocation.Proceed();
            return;
        }

        switch (plan.Shape)
        {
            case ReturnShape.Synchronous:
                InvokeSynchronous(invocation, plan, tracker);
                break;
            case ReturnShape.Task:
                invocation.ReturnValue = InvokeTask(invocation, plan, tracker);
                break;
            case ReturnShape.ValueTask:
                invocation.ReturnValue = InvokeValueTask(invocation, plan, tracker);
                break;
            default:
                invocation.ReturnValue = plan.InvokeGenericAsync!(invocation, plan, tracker);
                break;
        }
    }

    private static void InvokeSynchronous(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker)
    {
        var scope = tracker.StartRun(plan.Definition!);
        try
        {
            plan.LogParams(scope, invocation.Arguments);
            invocation.Proceed();
            plan.LogResult(scope, invocation.ReturnValue);
            scope.Complete();
        }
        catch (Exception e) when (scope.Fail(e))
        {
            // Fail returns false: the exception leaves untouched, with its stack trace.
        }
        finally
        {
            scope.Dispose();
        }
    }

    // The async helpers are async methods on purpose: the run they make current stays inside their own execution
    // context, so the caller's ActiveRun.Current is unchanged once the call returns its task.
    private static async Task InvokeTask(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker)
    {
        var scope = tracker.StartRun(plan.Definition!);
        try
        {
            plan.LogParams(scope, invocation.Arguments);
            invocation.Proceed();
            await ((Task)invocation.ReturnValue!).ConfigureAwait(false);
            scope.Complete();
        }
        catch (Exception e) when (scope.Fail(e))
        {
            throw;
        }
        finally
        {
            scope.Dispose();
        }
    }

    private static async ValueTask InvokeValueTask(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker)
    {
        var scope = tracker.StartRun(plan.Definition!);
        try
        {
            plan.LogParams(scope, invocation.Arguments);
            invocation.Proceed();
            await ((ValueTask)invocation.ReturnValue!).ConfigureAwait(false);
            scope.Complete();
        }
        catch (Exception e) when (scope.Fail(e))
        {
            throw;
        }
        finally
        {
            scope.Dispose();
        }
    }

    internal static object StartTaskOf<T>(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker) =>
        InvokeTaskOf<T>(invocation, plan, tracker);

    internal static object StartValueTaskOf<T>(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker) =>
        InvokeValueTaskOf<T>(invocation, plan, tracker);

    private static async Task<T> InvokeTaskOf<T>(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker)
    {
        var scope = tracker.StartRun(plan.Definition!);
        try
        {
            plan.LogParams(scope, invocation.Arguments);
            invocation.Proceed();
            var result = await ((Task<T>)invocation.ReturnValue!).ConfigureAwait(false);
            plan.LogResult(scope, result);
            scope.Complete();
            return result;
        }
        catch (Exception e) when (scope.Fail(e))
        {
            throw;
        }
        finally
        {
            scope.Dispose();
        }
    }

    private static async ValueTask<T> InvokeValueTaskOf<T>(IInvocation invocation, MethodTrackingPlan plan, IRunTracker tracker)
    {
        var scope = tracker.StartRun(plan.Definition!);
        try
        {
            plan.LogParams(scope, invocation.Arguments);
            invocation.Proceed();
            var result = await ((ValueTask<T>)invocation.ReturnValue!).ConfigureAwait(false);
            plan.LogResult(scope, result);
            scope.Complete();
            return result;
        }
        catch (Exception e) when (scope.Fail(e))
        {
            throw;
        }
        finally
        {
            scope.Dispose();
        }
    }
}
