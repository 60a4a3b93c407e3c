"""Refresh the window's translations: extract (lupdate), fill zh_CN, compile (lrelease).

Run from the repository root with the project's virtualenv:
    python resources/i18n/update_translations.py
English is the source language, so pos_en.ts keeps its texts as they are (an empty
translation falls back to the source); zh_CN, the default, is filled from ZH (the till's
texts) and the ``*_ZH`` tables of the other window modules, and must cover every text:
the script fails when one is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN", "en")

ZH: dict[str, str] = {
    # CashierWindow
    "WeChat Pay cashier": "微信支付收银台",
    "Checking unfinished payments…": "正在核对未完成的收款…",
    "SANDBOX MODE — payments are simulated, no real money moves": "沙箱模式 — 模拟支付，不会产生真实交易",
    "Acknowledge": "知道了",
    "Or type what is sold": "或输入商品名称",
    "Edit products…": "编辑商品…",
    "Cancel (Esc)": "取消 (Esc)",
    "Charge (Enter)": "收款 (Enter)",
    "Today's payments": "今日收款",
    "Customer (F9)": "模拟顾客 (F9)",
    "Purchase": "商品",
    "Program error while handling the payment of %1 (order %2); it is in the log. "
    "The payment will be checked with WeChat Pay at the next start. Call for support.": (
        "处理 %1 的收款（订单 %2）时程序出错，已记入日志。"
        "这笔收款将在下次启动时向微信支付核对。请联系技术支持。"
    ),
    "Product: %1": "商品：%1",
    "Product: none chosen (%1, or type a name)": "商品：未选择（按 %1 选择，或输入名称）",
    "Product: none chosen (type a name)": "商品：未选择（请输入名称）",
    "Type an amount first.": "请先输入金额。",
    "That is not an amount.": "金额格式不正确。",
    "The amount cannot be negative.": "金额不能为负数。",
    "The amount must be more than zero.": "金额必须大于零。",
    "At most two decimals (fen).": "最多两位小数（精确到分）。",
    "Over the limit of %1 per payment.": "超过单笔限额 %1。",
    "Ready: type an amount and press Enter.": "就绪：输入金额后按 Enter 收款。",
    "%n unfinished payment(s) checked. Ready.": "已核对 %n 笔未完成的收款。就绪。",
    "Checking unfinished payments… Press Esc to open the till now; the check goes on in the background.": "正在核对未完成的收款… 按 Esc 可立即开始收款，核对将在后台继续。",
    "%n unfinished payment(s) still being checked with WeChat Pay in the background (listed as result pending). Ready.": "%n 笔未完成的收款仍在后台向微信支付核对（列表中显示为“结果待确认”）。就绪。",
    "Creating the order for %1…": "正在为 %1 创建订单…",
    "Waiting for the customer to pay %1…": "等待顾客支付 %1…",
    "Creating the order…": "正在创建订单…",
    "Waiting for the customer to scan and pay…": "等待顾客扫码支付…",
    "No answer from WeChat Pay, still checking…": "微信支付暂无响应，仍在查询…",
    "Checking the order with WeChat Pay…": "正在向微信支付查询订单…",
    "A reply failed its signature check; still checking with WeChat Pay…": "收到签名校验失败的应答，仍在向微信支付查询…",
    "Time is up; closing the order…": "已超时，正在关闭订单…",
    "Cancelled; closing the order…": "已取消，正在关闭订单…",
    "Closing the order, trying again…": "正在关闭订单，重试中…",
    "A payment notice with a wrong amount was ignored. Tell the manager.": "已忽略一条金额不符的支付通知，请告知店长。",
    "The local database could not be written! Hand nothing over until it is fixed.": "本地数据库写入失败！修复前请勿交付商品。",
    "Paid: %1 ✓": "收款成功：%1 ✓",
    "Payment of %1 cancelled. The order is being closed.": "%1 的收款已取消，正在关闭订单。",
    "Time is up for %1. The order is being closed.": "%1 的收款已超时，正在关闭订单。",
    "WeChat Pay refused the payment of %1.": "微信支付拒绝了 %1 的收款。",
    "Payment of %1 closed, not paid.": "%1 的订单已关闭，未支付。",
    "Payment of %1: no order was made, nothing was paid.": "%1 的订单未创建，未支付。",
    "Payment of %1 was paid after all (late payment).": "%1 最终已支付（延迟到账）。",
    "Payment of %1: WeChat Pay reports another amount paid. Tell the manager.": (
        "%1 的订单：微信支付报告的支付金额不符，请告知店长。"
    ),
    "ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). "
    "It is not counted as paid. Tell the manager.": (
        "警报：微信支付报告 %1 的订单（%2）支付金额不符，不计为已支付。请告知店长。"
    ),
    "result pending": "结果待确认",
    "No payments yet today.": "今天还没有收款。",
    'LATE PAYMENT: %1 for "%2" was paid after the code was taken away. It is recorded as paid.': "迟到的付款：“%2” %1 在二维码撤下后完成支付，已记为已收款。",
    "(%n more)": "（另有 %n 笔）",
    "%1 (late)": "%1（迟到）",
    "new": "新建",
    "waiting": "待支付",
    "closing": "关闭中",
    "paid": "已支付",
    "not paid": "未支付",
    "failed": "失败",
    "part refunded": "部分退款",
    "refunded": "已退款",
    "The till cannot open: %1": "收银台无法启动：%1",
    "Manager (F11)": "店长 (F11)",
    "Settings (F12)": "设置 (F12)",
    "Settings saved. Restart the till to use them.": "设置已保存，重启收银台后生效。",
    "The payment could not be saved, so nothing was charged: %1": "无法保存该笔收款，未发起扣款：%1",
    "A payment is in progress. Quit anyway? It will be checked at the next start.": "有一笔收款正在进行。仍要退出吗？下次启动时会自动核对。",
    # QFileDialog: Qt's own texts its qtbase_zh_CN.qm lacks (pos.ui.app)
    "&Look in:": "查找范围(&L)：",
    "Files of &type:": "文件类型(&T)：",
    # CustomerScreen
    "WeChat Pay": "微信支付",
    "Scan with WeChat to pay": "请使用微信扫码支付",
    "Paid": "支付成功",
    "Thank you!": "谢谢惠顾！",
    "Preparing the payment code…": "正在生成收款码…",
    "Code valid for %1": "二维码有效时间 %1",
    # ProductDialog
    "Products": "商品",
    "Add…": "添加…",
    "Rename…": "重命名…",
    "Remove": "删除",
    "Move up": "上移",
    "Move down": "下移",
    "Add product": "添加商品",
    "Name:": "名称：",
    "Rename product": "重命名商品",
}


def module_tables() -> dict[str, dict[str, str]]:
    """The ``*_ZH`` tables the window modules keep next to their texts
    (``pos.ui.manager.MANAGER_ZH``, ``pos.ui.settings_dialog.SETTINGS_ZH``), by module name."""
    import importlib

    sys.path.insert(0, str(ROOT))
    tables: dict[str, dict[str, str]] = {}
    for path in sorted((ROOT / "pos" / "ui").glob("*.py")):
        module = importlib.import_module(f"pos.ui.{path.stem}")
        for name, value in vars(module).items():
            if name.endswith("_ZH") and isinstance(value, dict):
                tables.setdefault(path.stem, {}).update(value)
    return tables


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6 in this environment)")
    return found


def _module_of(message: ET.Element) -> str:
    location = message.find("location")
    filename = location.get("filename", "") if location is not None else ""
    return Path(filename).stem


def fill_chinese(path: Path, tables: dict[str, dict[str, str]]) -> list[str]:
    """Put the Chinese into every message and return the texts that have none.

    A text takes the Chinese of its own module's table first (the same English word may
    read differently in two windows: "failed" is 失败 on the till, 下单失败 in the manager's
    list), then :data:`ZH`. Every window's texts must be covered: Chinese is the default.
    """
    tree = ET.parse(path)  # noqa: S314 (our own file)
    missing: list[str] = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = tables.get(_module_of(message), {}).get(source, ZH.get(source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            _set_translation(message, translation, text)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def _set_translation(message: ET.Element, translation: ET.Element, text: str) -> None:
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        form = ET.SubElement(translation, "numerusform")
        form.text = text
        translation.text = None
    else:
        translation.text = text


def main() -> int:
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "pos" / "ui").glob("*.py"))
    ts_files = [HERE / f"pos_{language}.ts" for language in LANGUAGES]
    subprocess.run(  # noqa: S603 (our own tools, fixed arguments)
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", *map(str, ts_files)],
        cwd=ROOT,
        check=True,
    )
    missing = fill_chinese(HERE / "pos_zh_CN.ts", module_tables())
    if missing:
        print("no Chinese for:", *missing, sep="\n  ", file=sys.stderr)
        return 1
    for ts in ts_files:
        subprocess.run(  # noqa: S603 (our own tools, fixed arguments)
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
