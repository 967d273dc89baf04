// The reminder workflows (workflows/reminder-workflows.json, and those of kinds other plugins add), seeded as data: one
// NocoBase workflow per reminder kind, triggered when the sweep writes a reminder of that kind, sending an in-app
// message to its recipient.
import { ReminderWorkflowDefinition } from '../reminders/kind-registry';

/**
 * Creates each workflow whose key no workflow has yet (install, upgrade): an admin's edits, revisions and disabling are
 * kept; one she deleted comes back at the next upgrade (disable it instead). Answers the keys created.
 */
export async function seedReminderWorkflows(
  db: any,
  definitions: readonly ReminderWorkflowDefinition[],
): Promise<string[]> {
  const workflows = db.getRepository('workflows');
  if (!workflows) return [];
  const created: string[] = [];
  for (const { nodes, ...values } of definitions) {
    if (await workflows.findOne({ filter: { key: values.key } })) continue;
    await db.sequelize.transaction(async (transaction: any) => {
      const workflow = await workflows.create({ values, transaction });
      let upstreamId: number | null = null;
      for (const node of nodes) {
        const row = await db
          .getRepository('workflows.nodes', workflow.get('id'))
          .create({ values: { ...node, upstreamId, branchIndex: null }, transaction });
        if (upstreamId)
          await db
            .getModel('flow_nodes')
            .update({ downstreamId: row.get('id') }, { where: { id: upstreamId }, transaction });
        upstreamId = row.get('id');
      }
    });
    created.push(values.key);
  }
  return created;
}
