/**
 * Valid bodies for DTOs whose Swagger examples alone do not make one (keyed `service.DtoName`),
 * merged over the example. The hostile-input tests need a valid body to prove that each rejection
 * is caused by the one hostile change; a DTO whose example is invalid and has no fix here fails
 * those tests, so a new DTO cannot go untested.
 */
export const VALID_BODY_FIXES: Record<string, Record<string, unknown>> = {
  // associationId is required only for association contacts (@ValidateIf), which the example is.
  'notifications.CreateRecipientDto': {
    kind: 'association',
    associationId: '34b8f9a0-18a5-4d20-8a93-4fb7ceedbd40',
    name: 'Association of Polish Cities',
  },
  // A day, not an ISO timestamp: the generic ISO 8601 value carries a time, which the day pattern refuses.
  'matching.RecordPartnershipDto': { establishedOn: '2022-04-14' },
};
