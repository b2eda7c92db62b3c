using System;

Console.WriteLine("MLflow.Tracking Training sample: the tracked training loop arrives with the generator issue.");
