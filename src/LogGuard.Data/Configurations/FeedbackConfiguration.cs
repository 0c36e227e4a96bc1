using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LogGuard.Data.Configurations;

public sealed class FeedbackConfiguration : IEntityTypeConfiguration<FeedbackRecord>
{
    public const int MaxNoteLength = 1000;

    public void Configure(EntityTypeBuilder<FeedbackRecord> builder)
    {
        builder.ToTable("feedback");
        builder.HasKey(feedback => feedback.Id);
        builder.Property(feedback => feedback.Id).HasColumnName("id");
        builder.Property(feedback => feedback.PredictionId).HasColumnName("prediction_id");
        builder.Property(feedback => feedback.Label).HasColumnName("label").HasMaxLength(16);
        builder.Property(feedback => feedback.Note).HasColumnName("note").HasMaxLength(MaxNoteLength);
        builder.Property(feedback => feedback.LabelledBy).HasColumnName("labelled_by").HasMaxLength(64);
        builder.Property(feedback => feedback.LabelledAt).HasColumnName("labelled_at");
        builder.Property(feedback => feedback.SupersededAt).HasColumnName("superseded_at");

        // A label lives as long as the verdict it judges: retention that deletes the verdict deletes its labels.
        builder.HasOne<PredictionLog>().WithMany().HasForeignKey(feedback => feedback.PredictionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(feedback => feedback.PredictionId, "ix_feedback_prediction_id");

        // At most one current label per prediction, whichever instance writes it.
        builder.HasIndex(feedback => feedback.PredictionId, "ux_feedback_current")
            .IsUnique()
            .HasFilter("superseded_at IS NULL");
    }
}
