// wx.requestPayment: the host checks the order with the server, shows its own payment sheet (the program's
// name, what is bought, the amount), and confirms the order only when the user presses Pay. No money moves:
// Capsule is the payment provider of record in this demo.
import { showSheet } from './sheets';

type Args = Record<string, unknown>;

interface PaymentSummary {
  programName: string;
  description: string;
  amount: number;
  tradeState: string;
}

async function post(url: string, parameters: Args): Promise<PaymentSummary> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(parameters) });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as PaymentSummary;
}

export async function requestPayment(apiBase: string, args: Args): Promise<Args> {
  const parameters: Args = {};
  for (const key of ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign']) {
    parameters[key] = args[key] === undefined || args[key] === null ? null : String(args[key]);
  }
  const order = await post(`${apiBase}/payments/verify`, parameters);
  if (order.tradeState === 'SUCCESS') {
    return {};
  }
  const pay = await showSheet({
    kind: 'payment',
    heading: order.programName,
    lines: [order.description, 'Capsule demo payment: no real money is charged.'],
    figure: `¥${(order.amount / 100).toFixed(2)}`,
    confirm: 'Pay',
    cancel: 'Cancel',
  });
  if (!pay) {
    throw new Error('cancel');
  }
  await post(`${apiBase}/payments/pay`, parameters);
  return {};
}
