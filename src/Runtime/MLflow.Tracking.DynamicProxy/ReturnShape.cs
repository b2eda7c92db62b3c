namespace MLflow.Tracking.DynamicProxy;

/// <summary>How a tracked method returns, which decides when its run ends.</summary>
internal enum ReturnShape
{
    /// <summary>A value or void: the run ends when the call returns.</summary>
    Synchronous,

    /// <summary><see cref="System.Threading.Tasks.Task"/>: the run ends when the task completes.</summary>
    Task,

    /// <summary><see cref="System.Threading.Tasks.ValueTask"/>.</summary>
    ValueTask,

    /// <summary><see cref="System.Threading.Tasks.Task{TResult}"/>.</summary>
    TaskOfT,

    /// <summary><see cref="System.Threading.Tasks.ValueTask{TResult}"/>.</summary>
    ValueTaskOfT,
}
