using System;
using System.Globalization;

namespace Training;

/// <summary>A one-line progress bar with the current loss (plain lines when output is redirected).</summary>
internal sealed class ConsoleProgress : IProgress<(int Epoch, int Epochs, double Loss)>
{
    private const int Width = 30;

    public void Report((int Epoch, int Epochs, double Loss) value)
    {
        var filled = value.Epoch * Width / value.Epochs;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"  epoch {value.Epoch,3}/{value.Epochs} [{new string('#', filled)}{new string('.', Width - filled)}] loss {value.Loss:F4}");
        if (Console.IsOutputRedirected)
        {
            if (value.Epoch % 10 == 0 || value.Epoch == value.Epochs)
            {
                Console.WriteLine(line);
            }

            return;
        }

        Console.Write("\r" + line);
        if (value.Epoch == value.Epochs)
        {
            Console.WriteLine();
        }
    }
}
