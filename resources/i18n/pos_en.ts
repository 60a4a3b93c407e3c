<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="163"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them. Sandbox mode: the newcomer asked for the 模拟顾客 window (F9); the app opens it. The clerk asked to print the last paid deal&apos;s slip again (F10); the counter prints it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="174"/>
        <location filename="../../pos/ui/cashier.py" line="687"/>
        <source>Checking unfinished payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="189"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="200"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="239"/>
        <source>Or type what is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="243"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="265"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="270"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="282"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="285"/>
        <source>Customer (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="291"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="292"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="311"/>
        <source>Reprint (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="371"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="376"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="418"/>
        <source>Type an amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="419"/>
        <location filename="../../pos/ui/cashier.py" line="427"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="420"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="421"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="422"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="423"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="465"/>
        <source>Ready: type an amount and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="528"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="532"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="542"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="552"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="563"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="564"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="565"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="566"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="568"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="570"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="571"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="572"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="574"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="577"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="603"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="613"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="614"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="615"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="616"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="637"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="644"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="657"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="669"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="670"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="671"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="672"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="673"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="674"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="675"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="676"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="685"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="698"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="712"/>
        <source>A payment is in progress. Quit anyway? It will be checked at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="190"/>
        <location filename="../../pos/ui/counter.py" line="231"/>
        <location filename="../../pos/ui/counter.py" line="282"/>
        <source>The printer setting is wrong: %1</source>
        <extracomment>The Chinese of this module&apos;s texts (resources/i18n/update_translations.py reads it). The announcement (its clips) is ready and was handed to the player. Speaking failed (no clips, disk full): the reason; the chime plays instead. A slip reached the printer: &quot;receipt&quot; or &quot;test&quot;. A slip did not print: what it was, and the clerk&apos;s message. Seconds to connect to and write to the printer before giving up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="202"/>
        <location filename="../../pos/ui/counter.py" line="235"/>
        <location filename="../../pos/ui/counter.py" line="244"/>
        <source>No receipt printer is set (Settings, F12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="207"/>
        <location filename="../../pos/ui/counter.py" line="218"/>
        <source>Nothing to reprint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="278"/>
        <source>Printer off or unplugged: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="279"/>
        <source>The printer did not answer: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="280"/>
        <source>Printer not found: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="281"/>
        <source>Printing needs a driver: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="284"/>
        <source>Not printed: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="140"/>
        <source>WeChat Pay</source>
        <extracomment>The white border around a QR code, in modules (the standard&apos;s quiet zone). The Chinese of the counter&apos;s texts on this screen (resources/i18n/update_translations.py). A page was painted: &quot;qrPage&quot;, &quot;paidPage&quot; or &quot;messagePage&quot; (for measurements).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="161"/>
        <source>Scan with WeChat to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="173"/>
        <location filename="../../pos/ui/customer_screen.py" line="297"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="273"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="277"/>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="330"/>
        <location filename="../../pos/ui/customer_screen.py" line="370"/>
        <location filename="../../pos/ui/customer_screen.py" line="387"/>
        <source>Amount to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="339"/>
        <source>Show your payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="340"/>
        <source>In WeChat: Me → Services → Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="350"/>
        <source>Enter your payment password on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="351"/>
        <source>Waiting for WeChat Pay to confirm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="361"/>
        <source>Payment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="362"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="403"/>
        <source>Preparing the payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="423"/>
        <source>Code valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSimWindow</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="94"/>
        <source>Customer (sandbox)</source>
        <extracomment>How long one call to the sandbox may take (it is on loopback). The Chinese of this window&apos;s texts (resources/i18n/update_translations.py puts them in the .ts and .qm files). The sandbox answered a move: (action, the answer as a dict).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="99"/>
        <source>This window is the customer&apos;s phone. Charge an amount on the till, then pay it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="118"/>
        <source>Wait for the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="120"/>
        <source>Give up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="135"/>
        <source>Or open in a browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="159"/>
        <source>No order on screen. Charge an amount on the till first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="161"/>
        <location filename="../../pos/ui/customer_sim.py" line="171"/>
        <source>Pay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="167"/>
        <source>Order %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="191"/>
        <source>Paying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="205"/>
        <source>Paid %1. The till shows it in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="210"/>
        <source>The customer is typing the password. WeChat still says “not paid”; press Pay to finish or Give up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="215"/>
        <source>The customer gave up. The till keeps waiting until it times out or is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="218"/>
        <source>The QR cannot be paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="229"/>
        <source>The sandbox did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="241"/>
        <source>Paid ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="252"/>
        <source>The clerk cancelled this order; it can no longer be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="253"/>
        <source>Time is up for this order; it can no longer be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="256"/>
        <source>This order has ended without a payment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="562"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="563"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="565"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="566"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="567"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="568"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="574"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="575"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="576"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="577"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="578"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="579"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="580"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="581"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="734"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown. A long task (``&quot;export&quot;`` or ``&quot;reconcile&quot;``) stopped after the manager cancelled it; emitted when the worker has really stopped (and removed any partial file). The progress of the long task running now (export or reconcile), if any.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="742"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="754"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="758"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="766"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="767"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="768"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="769"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="822"/>
        <source>This day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="823"/>
        <source>Its month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="825"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="827"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="829"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="832"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="856"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="874"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="879"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="886"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="923"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="937"/>
        <location filename="../../pos/ui/manager.py" line="940"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="958"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1002"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1005"/>
        <source>Reconciliation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1009"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1016"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1034"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1044"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1070"/>
        <source>WeChat makes the bill of %1 the next morning. You can reconcile it after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1076"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="402"/>
        <source>Manager</source>
        <extracomment>The app&apos;s one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. An export or a reconciliation still running after this long shows its progress and a Cancel button (QProgressDialog&apos;s minimum duration). The Chinese of every text of this module (for the window&apos;s update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="405"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="407"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="414"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="420"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="430"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="432"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="463"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="466"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="468"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="492"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="507"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="520"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="62"/>
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). The Chinese of the counter&apos;s texts on the till (resources/i18n/update_translations.py). Colours of the recent deals by state: paid green, given up grey, failed red.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="65"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="66"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="67"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="68"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="98"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="98"/>
        <location filename="../../pos/ui/cashier.py" line="107"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="107"/>
        <source>Rename product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1315"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1319"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1321"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1334"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1334"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1334"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1334"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1365"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1366"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1367"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1368"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1369"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1370"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1371"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1372"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1373"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1374"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1375"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1376"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1377"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1378"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1397"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1405"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1408"/>
        <source>Sandbox: the bill of today up to now (a real merchant gets it tomorrow after 10:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1412"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1352"/>
        <location filename="../../pos/ui/manager.py" line="1418"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1355"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1114"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1125"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1129"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1130"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1139"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1141"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1162"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1164"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1185"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1191"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1204"/>
        <location filename="../../pos/ui/manager.py" line="1210"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1214"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1219"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1233"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1259"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1262"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1265"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1269"/>
        <location filename="../../pos/ui/manager.py" line="1299"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1280"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1286"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="364"/>
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window&apos;s workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the &quot;play&quot; button; None = QtMultimedia&apos;s QSoundEffect. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back. &quot;Print test page&quot; finished: True when the printer took it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="370"/>
        <source>Welcome: set up this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="370"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="381"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="400"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="402"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="403"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="418"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="429"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="430"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="431"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="432"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="433"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="443"/>
        <source>API certificate (for refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="446"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="448"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="451"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="459"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="460"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="461"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="462"/>
        <location filename="../../pos/ui/settings_dialog.py" line="468"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="471"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="477"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="480"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="486"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="489"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="494"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="501"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="503"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="504"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="508"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="512"/>
        <location filename="../../pos/ui/settings_dialog.py" line="517"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="522"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="523"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="526"/>
        <location filename="../../pos/ui/settings_dialog.py" line="534"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="526"/>
        <source>WAV sound (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="529"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="531"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="532"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="556"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="582"/>
        <source>Receipts and voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="586"/>
        <source>Say the amount when a payment arrives (微信收款 25.50 元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="590"/>
        <source>none, or tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="593"/>
        <source>Print test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="598"/>
        <source>Print the slip when paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="603"/>
        <source>Spoken amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="605"/>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="608"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="625"/>
        <source>Set a printer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="633"/>
        <source>Printing the test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="645"/>
        <source>Test page sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="647"/>
        <source>Not printed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="690"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="697"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="707"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="733"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="739"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="767"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="777"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="846"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="918"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="923"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="926"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="964"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="982"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="997"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="999"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1003"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1007"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1009"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1126"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1138"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
