import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReceiptDiscrepancy, ShipmentReceivedV1Event, ShipmentStatus } from '@bridges/contracts';
import { OutboxWriter } from '@bridges/messaging';
import type { AuthenticatedUser } from '@bridges/platform';
import { AidRequestsService } from '../aid-requests/aid-requests.service';
import { assertInScope } from '../common/access';
import { outboxPublisher } from '../common/publish-fn';
import { IdempotentCommands, type CommandResult } from '../idempotency/idempotent-commands';
import { ShipmentLineEntity } from '../shipments/shipment-line.entity';
import { RECEIVABLE_STATUSES } from '../shipments/shipment.lifecycle';
import { ShipmentNotFoundError } from '../shipments/shipments.errors';
import { ShipmentsService } from '../shipments/shipments.service';
import type { CreateReceiptDto } from './dto/create-receipt.dto';
import { ReceiptLineEntity } from './receipt-line.entity';
import { discrepancyOf, usableQuantity } from './receipt.rules';
import { ReceiptEntity } from './receipt.entity';
import type { ReceiptView } from './receipt.view';
import {
  DamagedExceedsReceivedError,
  ReceiptAlreadyRecordedError,
  ReceiptLinesMismatchError,
  ShipmentNotReceivableError,
} from './receipts.errors';

/**
 * Goods received notes. The shipment row is locked first, so of any number of simultaneous submissions one
 * records the receipt and the others find the shipment received (409); the unique shipment id of the receipt
 * table is the database's own guarantee behind that. What was shipped is never edited: differences are
 * receipt lines.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly commands: IdempotentCommands,
    private readonly shipments: ShipmentsService,
    private readonly requests: AidRequestsService,
  ) {}

  /** The hromada's officer (or a coordinator) confirms what arrived; closes the shipment. */
  create(
    user: AuthenticatedUser,
    shipmentId: string,
    dto: CreateReceiptDto,
    idempotencyKey: string | undefined,
  ): Promise<CommandResult<ReceiptView>> {
    return this.commands.run(
      {
        principal: user.sub,
        key: idempotencyKey,
        name: `POST /shipments/${shipmentId}/receipt`,
        request: dto,
      },
      async (manager) => {
        let shipment = await this.shipments.lock(manager, shipmentId);
        this.shipments.assertCanSee(user, shipment, shipmentId);
        assertInScope(user, [shipment.hromadaId], () => new ShipmentNotFoundError(shipmentId));
        if (shipment.status === ShipmentStatus.Received) throw new ReceiptAlreadyRecordedError(shipmentId);
        if (!RECEIVABLE_STATUSES.includes(shipment.status))
          throw new ShipmentNotReceivableError(shipmentId, shipment.status);

        const shipped = await manager.find(ShipmentLineEntity, {
          where: { shipmentId },
          order: { lineNo: 'ASC' },
        });
        const named = dto.lines.map((l) => l.lineNo).sort((a, b) => a - b);
        if (named.join() !== shipped.map((l) => l.lineNo).join())
          throw new ReceiptLinesMismatchError(shipped.map((l) => l.lineNo));
        for (const l of dto.lines)
          if ((l.damagedQuantity ?? 0) > l.receivedQuantity) throw new DamagedExceedsReceivedError(l.lineNo);

        const request = await this.requests.lock(manager, shipment.requestId);
        const publish = outboxPublisher(this.outbox, manager);
        const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
        if (shipment.status !== ShipmentStatus.Delivered)
          shipment = await this.shipments.step(manager, publish, shipment, {
            to: ShipmentStatus.Delivered,
            at: receivedAt,
            note: 'Delivered (recorded with the receipt)',
            by: user.sub,
          });

        const lines = shipped.map((s) => {
          const given = dto.lines.find((l) => l.lineNo === s.lineNo)!;
          const damaged = given.damagedQuantity ?? 0;
          return {
            shipped: s,
            row: {
              lineNo: s.lineNo,
              receivedQuantity: given.receivedQuantity,
              damagedQuantity: damaged,
              discrepancy: discrepancyOf(s.quantity, given.receivedQuantity, damaged),
              note: given.note ?? null,
            },
          };
        });
        const receipt: ReceiptEntity = {
          id: randomUUID(),
          shipmentId,
          receivedAt,
          hasDiscrepancies: lines.some((l) => l.row.discrepancy !== ReceiptDiscrepancy.None),
          note: dto.note ?? null,
          recordedBy: user.sub,
        };
        await manager.insert(ReceiptEntity, receipt);
        await manager.insert(
          ReceiptLineEntity,
          lines.map((l) => ({ ...l.row, receiptId: receipt.id })),
        );
        for (const { shipped: s, row } of lines)
          await manager.query(`UPDATE aid_request_line SET received = received + $1 WHERE id = $2`, [
            usableQuantity(row.receivedQuantity, row.damagedQuantity),
            s.requestLineId,
          ]);

        await this.shipments.recordStep(manager, publish, shipment, shipment.status, {
          to: ShipmentStatus.Received,
          at: receivedAt,
          note: receipt.hasDiscrepancies ? 'Received with discrepancies' : 'Received in full',
          by: user.sub,
        });
        await publish(ShipmentReceivedV1Event, {
          shipmentId,
          reference: shipment.reference,
          receiptId: receipt.id,
          requestId: shipment.requestId,
          hromadaId: shipment.hromadaId,
          euMunicipalityId: shipment.euMunicipalityId,
          receivedAt: receivedAt.toISOString(),
          hasDiscrepancies: receipt.hasDiscrepancies,
          lines: lines.map(({ shipped: s, row }) => ({
            lineNo: s.lineNo,
            item: s.item,
            category: s.category,
            unit: s.unit,
            shippedQuantity: s.quantity,
            receivedQuantity: row.receivedQuantity,
            damagedQuantity: row.damagedQuantity,
            discrepancy: row.discrepancy,
            ...(row.note ? { note: row.note } : {}),
          })),
        });
        if (request) await this.requests.settleStatus(manager, publish, request, user.sub);
        return {
          ...receipt,
          lines: lines.map(({ shipped: s, row }) => ({ ...row, shippedQuantity: s.quantity })),
        };
      },
    );
  }

  async get(user: AuthenticatedUser, shipmentId: string): Promise<ReceiptView> {
    const manager = this.dataSource.manager;
    await this.shipments.get(user, shipmentId);
    const receipt = await manager.findOneBy(ReceiptEntity, { shipmentId });
    if (!receipt) throw new ShipmentNotFoundError(`${shipmentId} (receipt)`);
    const [rows, shipped] = await Promise.all([
      manager.find(ReceiptLineEntity, { where: { receiptId: receipt.id }, order: { lineNo: 'ASC' } }),
      manager.findBy(ShipmentLineEntity, { shipmentId }),
    ]);
    return {
      ...receipt,
      lines: rows.map(({ receiptId: _r, ...row }) => ({
        ...row,
        shippedQuantity: shipped.find((s) => s.lineNo === row.lineNo)?.quantity ?? 0,
      })),
    };
  }
}
