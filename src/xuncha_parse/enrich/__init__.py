"""Optional enrichment of parsed problems: keywords (jieba) and topics."""
