"""Phrase queries for the search tests, by the case each one exercises.

Ground truth is never written here: the tests compute it by plain substring search over the
normalised kept texts of the reports.
"""

SAMPLE_QUERIES = [
    # precedent wording the users look for
    "马上就办、真抓实干", "一岗双责", "信息报送", "作风建设", "督查", "督查督办", "办文办会",
    # inside a longer jieba word (作风 in 干部作风, 风建 across 作风|建设)
    "作风", "风建", "部作", "查督",
    # punctuation and quotes kept as characters
    "“三服务”", "《信息快报》", "、", "“马上就办",
    # digits, full-width forms on either side (the text has 100％ and 93.48％)
    "100%", "100％", "满意率为93.48%", "９３．４８", "2023年", "２０２３",
    # single characters
    "督", "办", "的", "×",
    # redaction marks
    "**", "*", "xx", "XX", "《**现代农业发展情况》",
    # absent everywhere
    "完全不存在的短语", "量子计算机", "zzzz",
    # several parts (AND), exclusion, quoted part with a space
    "作风 督查", "信息报送 -督查", "作风 -作风建设", '"马上 就办"', "办公室 2023年 -xx",
    # only exclusions: the parts read as written (a fall of -2.3 %; seed 004 has ***-****)
    "-**", "-** -\"xx\"",
    # parts cut at the white space both engines share (\x85 and \x1c are Python's, not JavaScript's \s; \ufeff the reverse)
    "作风\x85督查", "信息\x1c报送", "作风\ufeff督查",
]

CORPUS_QUERIES = [
    "政府工作报告", "高质量发展", "营商环境", "12345热线", "一网通办", "数字政府", "社会保险",
    "农民工", "法宝引证码", "第一条", "第十二条", "总则", "省长", "各位代表", "十四五",
    # width variants in the 1997/2002 reports (１９９６年 written in full-width digits)
    "1996年", "１９９６年", "2001年", "５％", "5%",
    # traditional characters (1954 report) fold to simplified: each finds what the other finds
    "國務院", "国务院", "党", "黨", "經濟建設", "经济建设",
    # long phrases
    "以习近平新时代中国特色社会主义思想为指导", "全面贯彻党的二十大精神",
    "社会保险费", "断缴", "企业职工", "劳模", "工匠", "快递", "信访",
    "绿水青山就是金山银山", "稳中求进工作总基调",
    "数字政府 -国务院", "社会保险 农民工", "中华人民共和国 -第一条",
]
