using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Evaluation;

/// <summary>The evaluation's part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class EvaluationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Survey>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.ComplexProperty(x => x.Title, c => Texts(c, SurveyRules.TitleMax));
            e.ComplexProperty(x => x.Intro, c => Texts(c, SurveyRules.IntroMax));
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.EditionId, x.Kind });
        });
        builder.Entity<SurveyQuestion>(e =>
        {
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
            e.ComplexProperty(x => x.Text, c => Texts(c, SurveyRules.QuestionMax));
            e.Property(x => x.Theme).HasMaxLength(60);
            e.Property(x => x.PairKey).HasMaxLength(SurveyRules.PairKeyMax);
            e.Property(x => x.Min).HasPrecision(18, 4);
            e.Property(x => x.Max).HasPrecision(18, 4);
            e.HasMany(x => x.Choices).WithOne().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SurveyId, x.Order });
        });
        builder.Entity<SurveyChoice>(e =>
        {
            e.ComplexProperty(x => x.Text, c => Texts(c, SurveyRules.ChoiceMax));
            e.HasIndex(x => new { x.QuestionId, x.Order });
        });
        builder.Entity<SurveyInvitation>(e =>
        {
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<HostOrganization>().WithMany().HasForeignKey(x => x.HostOrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ContactName).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.SurveyId, x.ParticipantId });
            e.HasIndex(x => new { x.SurveyId, x.HostOrganizationId });
        });
        builder.Entity<SurveyResponse>(e =>
        {
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SurveyInvitation>().WithMany().HasForeignKey(x => x.InvitationId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.RespondentKey).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(10);
            e.HasIndex(x => new { x.SurveyId, x.RespondentKey }).IsUnique();
            e.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.IsSubmitted);
        });
        builder.Entity<SurveyAnswer>(e =>
        {
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Number).HasPrecision(18, 4);
            e.Property(x => x.Text).HasMaxLength(SurveyRules.AnswerTextMax);
            e.Property(x => x.Theme).HasMaxLength(60);
            e.HasIndex(x => new { x.ResponseId, x.QuestionId }).IsUnique();
        });
        builder.Entity<EvaluationKey>(e =>
        {
            e.HasKey(x => x.EditionId);
            e.HasOne<Edition>().WithOne().HasForeignKey<EvaluationKey>(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void Texts(ComplexPropertyBuilder<LocalizedText> c, int max)
    {
        c.Property(t => t.En).HasMaxLength(max).IsRequired();
        c.Property(t => t.Es).HasMaxLength(max);
        c.Property(t => t.Fr).HasMaxLength(max);
        c.Property(t => t.Ar).HasMaxLength(max);
        c.Property(t => t.Ru).HasMaxLength(max);
        c.Property(t => t.Pt).HasMaxLength(max);
    }
}
