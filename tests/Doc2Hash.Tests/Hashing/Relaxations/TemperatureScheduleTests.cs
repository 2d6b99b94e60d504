using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Tests.Hashing.Relaxations;

public class TemperatureScheduleTests
{
    private static readonly TemperatureSchedule Authors = new(); // 1.0, x0.96 per step, floor 0.1

    [Theory]
    // 0.96^1 = 0.96; 0.96^10 = 0.6648326; 0.96^56 = 0.1016691 (still above the floor).
    [InlineData(0, 1.0)]
    [InlineData(1, 0.96)]
    [InlineData(10, 0.6648326)]
    [InlineData(56, 0.1016691)]
    // 0.96^57 = 0.0976024 < 0.1: the floor from step 57 on (ln 0.1 / ln 0.96 = 56.4).
    [InlineData(57, 0.1)]
    [InlineData(10000, 0.1)]
    public void Authors_schedule_decays_per_step_to_the_floor(long step, double expected)
    {
        Assert.Equal(expected, Authors.At(step, epoch: 0), 6);
    }

    [Fact]
    public void Per_epoch_schedule_ignores_the_step_count()
    {
        // Epoch 2: 1.0 * 0.96^2 = 0.9216, whatever the step.
        var schedule = Authors with { Every = AnnealEvery.Epoch };
        Assert.Equal(0.9216, schedule.At(step: 5000, epoch: 2), 10);
    }

    [Fact]
    public void Supervised_preset_starts_at_its_own_initial_temperature()
    {
        // Doc2hash-S: tau0 = 0.2; 0.2 * 0.96 = 0.192; 0.2 * 0.96^17 = 0.0999 is floored to 0.1.
        var schedule = Authors with { Initial = 0.2 };
        Assert.Equal(0.192, schedule.At(1, 0), 10);
        Assert.Equal(0.1, schedule.At(17, 0), 10);
    }
}
