using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Conference;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Participants;
using Tmssw.Core.Posts;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Data;

/// <summary>
/// The one model. Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteTmsswDbContext"/>, <see cref="PostgresTmsswDbContext"/>); code asks for this type.
/// </summary>
public abstract class TmsswDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<PublishedFigure> PublishedFigures => Set<PublishedFigure>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<HostOrganization> HostOrganizations => Set<HostOrganization>();
    public DbSet<MeetingOffer> MeetingOffers => Set<MeetingOffer>();
    public DbSet<OfferWindow> OfferWindows => Set<OfferWindow>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<SplitPlan> SplitPlans => Set<SplitPlan>();
    public DbSet<SplitAssignment> SplitAssignments => Set<SplitAssignment>();
    public DbSet<EditionSplitSettings> SplitSettings => Set<EditionSplitSettings>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<GroupBusyItem> GroupBusyItems => Set<GroupBusyItem>();
    public DbSet<SchedulePublication> SchedulePublications => Set<SchedulePublication>();
    public DbSet<ConferenceSession> ConferenceSessions => Set<ConferenceSession>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<SessionSpeaker> SessionSpeakers => Set<SessionSpeaker>();
    public DbSet<ConferenceRoom> ConferenceRooms => Set<ConferenceRoom>();
    public DbSet<VenueDay> VenueDays => Set<VenueDay>();
    public DbSet<AgendaVersion> AgendaVersions => Set<AgendaVersion>();
    public DbSet<ConferenceGuest> ConferenceGuests => Set<ConferenceGuest>();
    public DbSet<GuestRegistration> GuestRegistrations => Set<GuestRegistration>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostImage> PostImages => Set<PostImage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Itineraries.ProgramItem> ProgramItems => Set<Itineraries.ProgramItem>();
    public DbSet<Itineraries.TravelLeg> TravelLegs => Set<Itineraries.TravelLeg>();
    public DbSet<Itineraries.Lodging> Lodgings => Set<Itineraries.Lodging>();
    public DbSet<Itineraries.FeedToken> FeedTokens => Set<Itineraries.FeedToken>();
    public DbSet<Partners.CountdownTemplate> CountdownTemplates => Set<Partners.CountdownTemplate>();
    public DbSet<Partners.PartnerTask> PartnerTasks => Set<Partners.PartnerTask>();
    public DbSet<Partners.Household> Households => Set<Partners.Household>();
    public DbSet<Partners.HospitalityEvening> HospitalityEvenings => Set<Partners.HospitalityEvening>();
    public DbSet<Mail.OutboxMessage> OutboxMessages => Set<Mail.OutboxMessage>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    public DbSet<Jobs.StoredUpload> Uploads => Set<Jobs.StoredUpload>();
    public DbSet<Evaluation.Survey> Surveys => Set<Evaluation.Survey>();
    public DbSet<Evaluation.SurveyQuestion> SurveyQuestions => Set<Evaluation.SurveyQuestion>();
    public DbSet<Evaluation.SurveyChoice> SurveyChoices => Set<Evaluation.SurveyChoice>();
    public DbSet<Evaluation.SurveyInvitation> SurveyInvitations => Set<Evaluation.SurveyInvitation>();
    public DbSet<Evaluation.SurveyResponse> SurveyResponses => Set<Evaluation.SurveyResponse>();
    public DbSet<Evaluation.SurveyAnswer> SurveyAnswers => Set<Evaluation.SurveyAnswer>();
    public DbSet<Evaluation.EvaluationKey> EvaluationKeys => Set<Evaluation.EvaluationKey>();
    public DbSet<Evaluation.PerformanceIndicator> PerformanceIndicators => Set<Evaluation.PerformanceIndicator>();
    public DbSet<Alumni.AlumniSharing> AlumniSharing => Set<Alumni.AlumniSharing>();
    public DbSet<Alumni.AlumniThread> AlumniThreads => Set<Alumni.AlumniThread>();
    public DbSet<Alumni.ThreadRecipient> ThreadRecipients => Set<Alumni.ThreadRecipient>();
    public DbSet<Alumni.AlumniReply> AlumniReplies => Set<Alumni.AlumniReply>();
    public DbSet<Alumni.PostReport> PostReports => Set<Alumni.PostReport>();
    public DbSet<Alumni.AlumniInvitation> AlumniInvitations => Set<Alumni.AlumniInvitation>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>"sqlite" or "postgres": tests and diagnostics print it.</summary>
    public abstract string ProviderName { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Edition>(e =>
        {
            e.HasIndex(x => x.Year).IsUnique();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.ImplementingPartner).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(254);
            e.HasMany(x => x.Objectives).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Phases).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Figures).WithOne().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Objective>().HasIndex(x => new { x.EditionId, x.Number }).IsUnique();
        builder.Entity<Phase>().Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Entity<PublishedFigure>(e =>
        {
            e.Property(x => x.Metric).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Qualifier).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasMaxLength(300);
        });

        builder.Entity<City>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(60);
            e.Property(x => x.TimeZone).HasMaxLength(60);
        });
        builder.Entity<Venue>().HasOne<City>().WithMany().HasForeignKey(x => x.CityId);
        builder.Entity<HostOrganization>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasOne<City>().WithMany().HasForeignKey(x => x.CityId);
            e.HasMany(x => x.Offers).WithOne(x => x.Host).HasForeignKey(x => x.HostOrganizationId);
        });
        builder.Entity<MeetingOffer>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasMany(x => x.Windows).WithOne().HasForeignKey(x => x.MeetingOfferId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Participant>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.GivenName).HasMaxLength(100);
            e.Property(x => x.FamilyName).HasMaxLength(100);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Region).HasMaxLength(60);
            e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.EditionId, x.Status });
            // Also covers the list's filter choices (distinct country and region pairs with their counts).
            e.HasIndex(x => new { x.EditionId, x.Country, x.Region });
            e.HasIndex(x => new { x.EditionId, x.FamilyName, x.GivenName });
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StatusChange>(e =>
        {
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<Group>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasOne<City>().WithMany().HasForeignKey(x => x.CityId);
            e.HasIndex(x => new { x.EditionId, x.CityId }).IsUnique();
        });
        builder.Entity<SplitPlan>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasIndex(x => new { x.EditionId, x.Version }).IsUnique();
            e.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.SplitPlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SplitAssignment>(e =>
        {
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<City>().WithMany().HasForeignKey(x => x.CityId);
            e.HasIndex(x => new { x.SplitPlanId, x.ParticipantId }).IsUnique();
        });
        builder.Entity<EditionSplitSettings>(e =>
        {
            e.HasKey(x => x.EditionId);
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });

        builder.Entity<Meeting>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MeetingOffer>().WithMany().HasForeignKey(x => x.MeetingOfferId);
            e.HasIndex(x => new { x.GroupId, x.Start });
        });
        builder.Entity<GroupBusyItem>(e =>
        {
            e.Property(x => x.Label).HasMaxLength(200);
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.GroupId, x.Start });
        });
        builder.Entity<SchedulePublication>(e =>
        {
            e.HasKey(x => x.GroupId);
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.HasOne<Group>().WithOne().HasForeignKey<SchedulePublication>(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        // The conference (agenda, rooms, venue days, speakers, published versions): one block in Conference/ConferenceModel.cs.
        ConferenceModel.Configure(builder);

        // Outside guests and check-in at the door (Conference/GuestEntities.cs).
        builder.Entity<ConferenceGuest>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.Property(x => x.Name).HasMaxLength(GuestRules.NameMax);
            e.Property(x => x.Organization).HasMaxLength(GuestRules.OrganizationMax);
            e.Property(x => x.Position).HasMaxLength(GuestRules.PositionMax);
            e.Property(x => x.Email).HasMaxLength(GuestRules.EmailMax);
            e.Property(x => x.LinkTokenHash).HasMaxLength(64);
            e.HasIndex(x => new { x.EditionId, x.Email }).IsUnique();
            e.HasIndex(x => x.LinkTokenHash).IsUnique();
            e.HasMany(x => x.Registrations).WithOne().HasForeignKey(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<GuestRegistration>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne<ConferenceSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.GuestId, x.SessionId }).IsUnique();
            e.HasIndex(x => new { x.SessionId, x.Status });
        });
        builder.Entity<CheckIn>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasOne<ConferenceSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.PersonKind).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.SessionId, x.PersonKind, x.PersonId }).IsUnique();
            e.HasIndex(x => new { x.EditionId, x.PersonKind, x.PersonId });
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.EntityType).HasMaxLength(60);
            e.Property(x => x.EntityId).HasMaxLength(60);
        });

        builder.Entity<StaffAssignment>(e =>
        {
            e.HasKey(x => new { x.UserId, x.EditionId });
            e.HasOne<AppUser>().WithMany(x => x.EditionAssignments).HasForeignKey(x => x.UserId);
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.RevokedReason).HasMaxLength(100);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId);
        });

        Itineraries.ItineraryModel.Configure(builder);
        Partners.PartnersModel.Configure(builder);
        Mail.MailModel.Configure(builder);
        Jobs.JobsModel.Configure(builder);
        Evaluation.EvaluationModel.Configure(builder);
        Evaluation.EvaluationReportModel.Configure(builder);
        PostsModel.Configure(builder);
        Alumni.AlumniModel.Configure(builder);
    }
}

public sealed class SqliteTmsswDbContext(DbContextOptions<SqliteTmsswDbContext> options) : TmsswDbContext(options)
{
    public override string ProviderName => "sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; every instant here is UTC, so store ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresTmsswDbContext(DbContextOptions<PostgresTmsswDbContext> options) : TmsswDbContext(options)
{
    public override string ProviderName => "postgres";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // DateTime is only ever a local wall-clock time in a city's zone here; instants are DateTimeOffset.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }
}
